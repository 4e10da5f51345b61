import { versions } from '../versions.js';
import { mysqlFamily } from './mysql-family.js';

export const mariadb = mysqlFamily({
  id: 'mariadb',
  title: 'MariaDB',
  image: versions.services.mariadb,
  prefix: 'MARIADB',
  client: 'mariadb',
  userMax: 80,
  clients: { python: { packages: ['mariadb'], starter: [] }, node: { packages: ['mariadb'], starter: [] }, php: { packages: [], starter: ['pdo_mysql'] }, java: { packages: ['org.mariadb.jdbc:mariadb-java-client', 'org.mariadb:r2dbc-mariadb', 'io.quarkus:quarkus-jdbc-mariadb'], starter: [] } },
  urlSchemes: ['mariadb', 'mariadb+mariadbconnector'],
  stems: ['MARIADB', 'MYSQL', 'DB', 'DATABASE'],
  check: {
    command: 'healthcheck.sh --connect --innodb_initialized',
    why: "The image's healthcheck.sh: a TCP connection as its own healthcheck user and InnoDB started (not during first-start initialisation)",
  },
  startPeriod: '30s',
});
