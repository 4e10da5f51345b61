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
