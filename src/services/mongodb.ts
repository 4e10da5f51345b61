import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { swarmSecretName, swarmSecretPath, type ServiceEntry } from '../core/provider.js';
import { versions } from '../versions.js';
import { connectionStringVariable, dataClaim, dbIdentifier, healthcheck, podTemplate, probe, required, serviceFor, swarmDeploy, wireVariable } from './shared.js';

const image = versions.services.mongodb;
/**
 * mongosh asks the server for a ping (no login needed). It connects to the
 * container's own address: the first start's initialisation runs a server
 * that listens on 127.0.0.1 only, so the check passes once the real one is up.
 * `dollar` is how the compose and stack files write a literal `$`.
 */
const ping = (dollar: string) => `mongosh --quiet --host "${dollar}HOSTNAME" --eval "quit(db.adminCommand({ ping: 1 }).ok ? 0 : 1)"`;
const url = (env: Readonly<Record<string, string>>, scheme: string | undefined) =>
  `${scheme ?? 'mongodb'}://${env.MONGO_INITDB_ROOT_USERNAME ?? 'USER'}:${encodeURIComponent(env.MONGO_INITDB_ROOT_PASSWORD ?? 'PASSWORD')}@mongodb:27017/${env.MONGO_INITDB_DATABASE ?? 'DATABASE'}?authSource=admin`;

export const mongodb: ServiceEntry = {
  id: 'mongodb',
  title: 'MongoDB',
  kind: 'database',
  image,
  port: 27017,
  volume: { name: 'mongodb-data', target: '/data/db' },
  urlVar: 'MONGODB_URI',
  clients: {
    python: { packages: ['pymongo', 'motor', 'beanie', 'mongoengine', 'odmantic', 'flask-pymongo', 'djongo'], starter: [] },
    node: { packages: ['mongodb', 'mongoose', '@typegoose/typegoose'], starter: [] },
    go: { packages: ['go.mongodb.org/mongo-driver', 'go.mongodb.org/mongo-driver/v2'], starter: [] },
    rust: { packages: ['mongodb', 'wither'], starter: [] },
    ruby: { packages: ['mongo', 'mongoid'], starter: [] },
    dotnet: { packages: ['mongodb.driver', 'mongodb.entityframeworkcore', 'aspnetcore.healthchecks.mongodb'], starter: [] },
    php: { packages: ['ext-mongodb', 'mongodb/mongodb', 'mongodb/laravel-mongodb', 'jenssegers/mongodb', 'doctrine/mongodb-odm-bundle'], starter: [] },
    // Java: Maven/Gradle coordinates (groupId:artifactId, lowercase).
    java: { packages: ['org.mongodb:mongodb-driver-sync', 'org.mongodb:mongodb-driver-reactivestreams', 'org.mongodb:mongo-java-driver', 'org.springframework.boot:spring-boot-starter-data-mongodb', 'org.springframework.boot:spring-boot-starter-data-mongodb-reactive', 'io.quarkus:quarkus-mongodb-client', 'io.quarkus:quarkus-mongodb-panache'], starter: [] },
  },
  urlSchemes: ['mongodb', 'mongodb+srv'],
  env: [
    { key: 'MONGO_INITDB_ROOT_USERNAME', comment: 'MongoDB: the mongodb container creates this user (in the admin database) on its first start', value: dbIdentifier, readBy: 'service' },
    { key: 'MONGO_INITDB_ROOT_PASSWORD', secretLength: 32, readBy: 'service' },
    { key: 'MONGO_INITDB_DATABASE', comment: "The app's database (MongoDB creates it on the first write)", value: dbIdentifier, readBy: 'service' },
    {
      key: 'MONGODB_URI',
      comment: 'The app connects with this URL ("mongodb" is the compose service name; authSource=admin is where the user is)',
      example: 'mongodb://USER:PASSWORD@mongodb:27017/DATABASE?authSource=admin',
      secret: true,
      value: (_ctx, env) => url(env, undefined),
    },
  ],
  wire: (key, example) =>
    // .NET: the driver reads the same URL (ConnectionStrings__Mongo).
    connectionStringVariable(key, example, { host: 'mongodb', names: /mongo/i, looksLike: (e) => /^mongodb(\+srv)?:\/\//i.test(e), value: (env) => url(env, undefined), example: url({}, undefined) }) ??
    wireVariable(key, example, {
      stems: ['MONGO', 'MONGODB'],
      host: 'mongodb',
      port: 27017,
      user: (env) => env.MONGO_INITDB_ROOT_USERNAME ?? '',
      password: (env) => env.MONGO_INITDB_ROOT_PASSWORD ?? '',
      database: (env) => env.MONGO_INITDB_DATABASE ?? '',
      // mongodb+srv:// looks the hosts up in DNS SRV records, which a compose network has none of: the URL is mongodb://.
      url: (env) => url(env, undefined),
      schemes: ['mongodb'],
    }),
  compose: () => ({
    image,
    restart: 'unless-stopped',
    environment: {
      MONGO_INITDB_ROOT_USERNAME: required('MONGO_INITDB_ROOT_USERNAME'),
      MONGO_INITDB_ROOT_PASSWORD: required('MONGO_INITDB_ROOT_PASSWORD'),
      MONGO_INITDB_DATABASE: required('MONGO_INITDB_DATABASE'),
    },
    volumes: ['mongodb-data:/data/db'],
    healthcheck: healthcheck(['CMD-SHELL', ping('$$')], '20s'),
  }),
  composeComments: {
    'healthcheck.test': "Healthy once the server answers on the container's address (not during first-start initialisation, which listens on 127.0.0.1 only)",
    volumes: 'Data survives `docker compose down`; `down -v` deletes it',
  },
  swarm: (ctx) => ({
    service: {
      image,
      environment: {
        MONGO_INITDB_ROOT_USERNAME: dbIdentifier(ctx),
        MONGO_INITDB_DATABASE: dbIdentifier(ctx),
        MONGO_INITDB_ROOT_PASSWORD_FILE: swarmSecretPath('MONGO_INITDB_ROOT_PASSWORD'),
      },
      secrets: [swarmSecretName('MONGO_INITDB_ROOT_PASSWORD')],
      volumes: ['mongodb-data:/data/db'],
      healthcheck: healthcheck(['CMD-SHELL', ping('$$')], '20s'),
      deploy: swarmDeploy('1G'),
    },
    secrets: ['MONGO_INITDB_ROOT_PASSWORD'],
    comments: {
      volumes: 'A named volume lives on one node: keep the database there (deploy.placement.constraints, e.g. node.labels.db == true)',
      'environment.MONGO_INITDB_ROOT_PASSWORD_FILE': 'The image reads the password from the Docker secret file',
    },
  }),
  kubernetes: (k) => [
    serviceFor(k, 'mongodb', 27017, true),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'mongodb', labels: k.labels('mongodb') },
      spec: {
        serviceName: 'mongodb',
        replicas: 1,
        selector: { matchLabels: k.selector('mongodb') },
        template: podTemplate(k, 'mongodb', {
          name: 'mongodb',
          image,
          ports: [{ name: 'mongodb', containerPort: 27017 }],
          env: [k.fromConfig('MONGO_INITDB_ROOT_USERNAME'), k.fromConfig('MONGO_INITDB_DATABASE'), k.fromSecret('MONGO_INITDB_ROOT_PASSWORD')],
          readinessProbe: probe(ping('$')),
          livenessProbe: { ...probe(ping('$')), initialDelaySeconds: 30 },
          resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
          securityContext: { allowPrivilegeEscalation: false },
          volumeMounts: [{ name: 'data', mountPath: '/data/db' }],
        }),
        volumeClaimTemplates: [dataClaim('1Gi')],
      },
    } satisfies IStatefulSet,
  ],
  readme: () => [{ task: 'A `mongosh` session', command: `docker compose exec mongodb sh -c 'exec mongosh -u "$MONGO_INITDB_ROOT_USERNAME" -p "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin "$MONGO_INITDB_DATABASE"'` }],
  secretsNote: `MongoDB creates its user when its volume is first created. To change the
password later, change \`MONGO_INITDB_ROOT_PASSWORD\` and \`MONGODB_URI\` together,
then \`docker compose down -v\` (this deletes the database) and start again.`,
  k8sSummary: 'MongoDB as a StatefulSet with a volume claim and a headless Service',
};
