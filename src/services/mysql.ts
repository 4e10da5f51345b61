import { versions } from '../versions.js';
import { mysqlFamily } from './mysql-family.js';

export const mysql = mysqlFamily({
  id: 'mysql',
  title: 'MySQL',
  image: versions.services.mysql,
  prefix: 'MYSQL',
  client: 'mysql',
  userMax: 32,
  clients: {
    python: { packages: ['mysqlclient', 'pymysql', 'aiomysql', 'mysql-connector-python', 'asyncmy'], starter: [] },
    node: { packages: ['mysql2', 'mysql', '@planetscale/database'], starter: [] },
    go: { packages: ['github.com/go-sql-driver/mysql', 'gorm.io/driver/mysql'], starter: [] },
    rust: { packages: ['mysql', 'mysql-async', 'sqlx[mysql]', 'sqlx-mysql', 'diesel[mysql]', 'diesel-async[mysql]', 'sea-orm[sqlx-mysql]'], starter: [] },
    ruby: { packages: ['mysql2', 'trilogy', 'activerecord-trilogy-adapter'], starter: [] },
    // .NET: NuGet ids, lowercase (Pomelo's EF Core provider is MySqlConnector's).
    dotnet: { packages: ['mysqlconnector', 'mysql.data', 'pomelo.entityframeworkcore.mysql', 'mysql.entityframeworkcore', 'aspnetcore.healthchecks.mysql'], starter: [] },
    // PHP: ext-* requirements; the starter checks MySQL with PDO (pdo_mysql).
    php: { packages: ['ext-pdo_mysql', 'ext-mysqli'], starter: ['pdo_mysql'] },
    // Java: Maven/Gradle coordinates (groupId:artifactId, lowercase).
    java: { packages: ['com.mysql:mysql-connector-j', 'mysql:mysql-connector-java', 'io.asyncer:r2dbc-mysql', 'io.quarkus:quarkus-jdbc-mysql', 'io.vertx:vertx-mysql-client'], starter: [] },
  },
  urlSchemes: ['mysql', 'mysql+pymysql', 'mysql+mysqldb', 'mysql+aiomysql', 'mysql+asyncmy', 'mysql+mysqlconnector'],
  stems: ['MYSQL', 'DB', 'DATABASE'],
  check: {
    // mysqladmin ping answers 0 once the server responds, even without credentials.
    command: 'mysqladmin ping -h 127.0.0.1 --silent',
    why: 'Healthy once the server accepts TCP connections (not during first-start initialisation, which listens on a socket only)',
  },
  startPeriod: '60s',
});
