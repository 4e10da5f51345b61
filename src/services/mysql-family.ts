/**
 * MySQL and MariaDB: one contract (the official images read the same settings
 * under MYSQL_* and MARIADB_*, keep their data in /var/lib/mysql and listen on
 * 3306), so both services are made here and differ in image, names and healthcheck.
 */
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { swarmSecretName, swarmSecretPath, type EntryContext, type ServiceClients, type ServiceEntry } from '../core/provider.js';
import { ADO_SQL, connectionStringVariable, dataClaim, jdbcVariable, dbIdentifier, healthcheck, podTemplate, probe, required, serviceFor, swarmDeploy, wireVariable } from './shared.js';

export interface MysqlFamily {
  id: 'mysql' | 'mariadb';
  title: string;
  image: string;
  /** What the image's settings start with: MYSQL_USER, MARIADB_USER. */
  prefix: 'MYSQL' | 'MARIADB';
  /** The image's command-line client, for README.Docker.md. */
  client: string;
  /** User names the server accepts (MySQL: 32 characters). */
  userMax: number;
  clients: Readonly<Record<string, ServiceClients>>;
  urlSchemes: readonly string[];
  /** Name stems of the variables an app reads for it (MYSQL_HOST, DB_PASSWORD). */
  stems: readonly string[];
  /** The healthcheck, as a shell command run inside the container, and why it is that one. */
  check: { command: string; why: string };
  /** How long the first start (which initialises the data directory) may take before failures count. */
  startPeriod: string;
}

/** Schemes an app's URL may use for either server: the URL keeps the example's (the driver is in it). */
const URL_SCHEMES = ['mysql', 'mysql2', 'trilogy', 'mysql+pymysql', 'mysql+mysqldb', 'mysql+aiomysql', 'mysql+asyncmy', 'mysql+mysqlconnector', 'mariadb', 'mariadb+mariadbconnector'];

export function mysqlFamily(f: MysqlFamily): ServiceEntry {
  const { id, prefix, image } = f;
  const key = (name: string) => `${prefix}_${name}`;
  // The images refuse "root" here: that user exists already (the app gets a user of its own).
  const user = (ctx: Pick<EntryContext, 'name'>) => {
    const u = dbIdentifier(ctx).slice(0, f.userMax);
    return u === 'root' ? 'app' : u;
  };
  const url = (env: Readonly<Record<string, string>>, scheme: string | undefined) =>
    `${scheme ?? 'mysql'}://${env[key('USER')] ?? 'USER'}:${encodeURIComponent(env[key('PASSWORD')] ?? 'PASSWORD')}@${id}:3306/${env[key('DATABASE')] ?? 'DATABASE'}`;
  const test = ['CMD-SHELL', f.check.command];
  const volumes = [`${id}-data:/var/lib/mysql`];
  return {
    id,
    title: f.title,
    kind: 'database',
    image,
    port: 3306,
    volume: { name: `${id}-data`, target: '/var/lib/mysql' },
    urlVar: 'DATABASE_URL',
    clients: f.clients,
    urlSchemes: f.urlSchemes,
    env: [
      { key: key('USER'), comment: `${f.title}: the ${id} container creates this user and database on its first start`, value: user, readBy: 'service' },
      { key: key('PASSWORD'), secretLength: 32, readBy: 'service' },
      { key: key('DATABASE'), value: dbIdentifier, readBy: 'service' },
      { key: key('ROOT_PASSWORD'), comment: `${f.title}'s root user, for administration only: the app connects as the user above`, secretLength: 32, readBy: 'service' },
      {
        key: 'DATABASE_URL',
        comment: `The app connects with this URL ("${id}" is the compose service name)`,
        example: `mysql://USER:PASSWORD@${id}:3306/DATABASE`,
        secret: true,
        value: (_ctx, env) => url(env, undefined),
      },
    ],
    wire: (name, example) =>
      // Java: a JDBC URL, user and password apart (SPRING_DATASOURCE_URL=jdbc:mysql://mysql:3306/...).
      jdbcVariable(name, example, { host: id, port: 3306, subprotocols: id === 'mariadb' ? ['mariadb', 'mysql'] : ['mysql'], user: (env) => env[key('USER')] ?? '', password: (env) => env[key('PASSWORD')] ?? '', database: (env) => env[key('DATABASE')] ?? '' }) ??
      // .NET: the keyword=value connection string MySqlConnector and MySql.Data read (ConnectionStrings__Default).
      connectionStringVariable(name, example, {
        host: id,
        names: /^(default|defaultconnection|database|db|main|app\w*|\w*(mysql|maria)\w*)$/i,
        looksLike: (e) => ADO_SQL.test(e),
        value: (env) => `Server=${id};Port=3306;Database=${env[key('DATABASE')] ?? ''};User ID=${env[key('USER')] ?? ''};Password=${env[key('PASSWORD')] ?? ''}`,
        example: `Server=${id};Port=3306;Database=DATABASE;User ID=USER;Password=PASSWORD`,
      }) ??
      wireVariable(name, example, {
        stems: f.stems,
        host: id,
        port: 3306,
        user: (env) => env[key('USER')] ?? '',
        password: (env) => env[key('PASSWORD')] ?? '',
        database: (env) => env[key('DATABASE')] ?? '',
        url,
        schemes: URL_SCHEMES,
      }),
    compose: () => ({
      image,
      restart: 'unless-stopped',
      environment: {
        [key('USER')]: required(key('USER')),
        [key('PASSWORD')]: required(key('PASSWORD')),
        [key('DATABASE')]: required(key('DATABASE')),
        [key('ROOT_PASSWORD')]: required(key('ROOT_PASSWORD')),
      },
      volumes,
      healthcheck: healthcheck(test, f.startPeriod),
    }),
    composeComments: {
      'healthcheck.test': f.check.why,
      'healthcheck.start_period': 'The first start initialises the data directory: failures until then do not count',
      volumes: 'Data survives `docker compose down`; `down -v` deletes it',
    },
    swarm: (ctx) => ({
      service: {
        image,
        environment: {
          [key('USER')]: user(ctx),
          [key('DATABASE')]: dbIdentifier(ctx),
          [`${key('PASSWORD')}_FILE`]: swarmSecretPath(key('PASSWORD')),
          [`${key('ROOT_PASSWORD')}_FILE`]: swarmSecretPath(key('ROOT_PASSWORD')),
        },
        secrets: [swarmSecretName(key('PASSWORD')), swarmSecretName(key('ROOT_PASSWORD'))],
        volumes,
        healthcheck: healthcheck(test, f.startPeriod),
        deploy: swarmDeploy('1G'),
      },
      secrets: [key('PASSWORD'), key('ROOT_PASSWORD')],
      comments: {
        volumes: `A named volume lives on one node: keep the database there (deploy.placement.constraints, e.g. node.labels.db == true)`,
        [`environment.${key('PASSWORD')}_FILE`]: 'The image reads the passwords from the Docker secret files',
      },
    }),
    kubernetes: (k) => [
      serviceFor(k, id, 3306, true),
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: id, labels: k.labels(id) },
        spec: {
          serviceName: id,
          replicas: 1,
          selector: { matchLabels: k.selector(id) },
          template: podTemplate(k, id, {
            name: id,
            image,
            ports: [{ name: id, containerPort: 3306 }],
            env: [k.fromConfig(key('USER')), k.fromConfig(key('DATABASE')), k.fromSecret(key('PASSWORD')), k.fromSecret(key('ROOT_PASSWORD'))],
            // The first start initialises the data directory, and the check fails until it is done: liveness waits for it.
            startupProbe: { ...probe(f.check.command), failureThreshold: 30 },
            readinessProbe: probe(f.check.command),
            livenessProbe: probe(f.check.command),
            resources: { requests: { cpu: '100m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
            securityContext: { allowPrivilegeEscalation: false },
            // A subfolder: the volume's root may hold lost+found, which the server's initialisation refuses.
            volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql', subPath: 'mysql' }],
          }),
          volumeClaimTemplates: [dataClaim('1Gi')],
        },
      } satisfies IStatefulSet,
    ],
    readme: () => [{ task: `A \`${f.client}\` session`, command: `docker compose exec ${id} sh -c 'exec ${f.client} -u"$${key('USER')}" -p"$${key('PASSWORD')}" "$${key('DATABASE')}"'` }],
    secretsNote: `${f.title} sets its passwords when its volume is first created. To change one
later, change \`${key('PASSWORD')}\` and \`DATABASE_URL\` together (or \`${key('ROOT_PASSWORD')}\`),
then \`docker compose down -v\` (this deletes the database) and start again.`,
    k8sSummary: `${f.title} as a StatefulSet with a volume claim and a headless Service`,
  };
}
