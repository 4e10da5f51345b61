import type { ServiceRecognition } from '../core/provider.js';

/**
 * Services that detection recognises but the generator can't write yet: a
 * project that uses one gets a warning naming it, never a silent drop. When a
 * service gets its own file (src/services/<id>.ts), its entry moves there.
 */
export const recognisedOnly: readonly ServiceRecognition[] = [
  {
    id: 'mysql',
    title: 'MySQL',
    kind: 'database',
    clients: {
      python: { packages: ['mysqlclient', 'pymysql', 'aiomysql', 'mysql-connector-python', 'asyncmy'], starter: [] },
      node: { packages: ['mysql2', 'mysql', '@planetscale/database'], starter: [] },
    },
    urlSchemes: ['mysql', 'mysql+pymysql', 'mysql+mysqldb', 'mysql+aiomysql', 'mysql+asyncmy', 'mysql+mysqlconnector'],
  },
  {
    id: 'mariadb',
    title: 'MariaDB',
    kind: 'database',
    clients: { python: { packages: ['mariadb'], starter: [] }, node: { packages: ['mariadb'], starter: [] } },
    urlSchemes: ['mariadb', 'mariadb+mariadbconnector'],
  },
  {
    id: 'mongodb',
    title: 'MongoDB',
    kind: 'database',
    clients: {
      python: { packages: ['pymongo', 'motor', 'beanie', 'mongoengine', 'odmantic', 'flask-pymongo', 'djongo'], starter: [] },
      node: { packages: ['mongodb', 'mongoose', '@typegoose/typegoose'], starter: [] },
    },
    urlSchemes: ['mongodb', 'mongodb+srv'],
  },
  {
    id: 'rabbitmq',
    title: 'RabbitMQ',
    kind: 'queue',
    clients: {
      python: { packages: ['pika', 'aio-pika', 'aiormq', 'kombu[librabbitmq]', 'librabbitmq', 'faststream[rabbit]'], starter: [] },
      node: { packages: ['amqplib', 'amqp-connection-manager', 'rascal', '@golevelup/nestjs-rabbitmq'], starter: [] },
    },
    urlSchemes: ['amqp', 'amqps', 'pyamqp'],
  },
  {
    id: 'memcached',
    title: 'Memcached',
    kind: 'cache',
    clients: {
      python: { packages: ['pymemcache', 'python-memcached', 'pylibmc', 'aiomcache'], starter: [] },
      node: { packages: ['memjs', 'memcached'], starter: [] },
    },
    urlSchemes: ['memcached', 'memcache'],
  },
];
