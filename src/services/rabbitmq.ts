import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { swarmSecretName, swarmSecretPath, type ServiceEntry } from '../core/provider.js';
import { versions } from '../versions.js';
import { connectionStringVariable, dataClaim, dbIdentifier, healthcheck, podTemplate, probe, required, serviceFor, swarmDeploy, wireVariable } from './shared.js';

const image = versions.services.rabbitmq;
/** Healthy once the broker itself has booted and its AMQP listener accepts connections (`ping` passes as soon as the Erlang node is up). */
const CHECK = 'rabbitmq-diagnostics -q check_port_connectivity';
/** %2F is the default virtual host, "/": every client reads it the same way (a bare trailing slash means "" to some). */
const url = (env: Readonly<Record<string, string>>, scheme: string | undefined) =>
  `${scheme ?? 'amqp'}://${env.RABBITMQ_DEFAULT_USER ?? 'USER'}:${encodeURIComponent(env.RABBITMQ_DEFAULT_PASS ?? 'PASSWORD')}@rabbitmq:5672/%2F`;

export const rabbitmq: ServiceEntry = {
  id: 'rabbitmq',
  title: 'RabbitMQ',
  kind: 'queue',
  broker: true,
  image,
  port: 5672,
  volume: { name: 'rabbitmq-data', target: '/var/lib/rabbitmq' },
  urlVar: 'AMQP_URL',
  clients: {
    python: { packages: ['pika', 'aio-pika', 'aiormq', 'kombu[librabbitmq]', 'librabbitmq', 'faststream[rabbit]'], starter: [] },
    node: { packages: ['amqplib', 'amqp-connection-manager', 'rascal', '@golevelup/nestjs-rabbitmq'], starter: [] },
    go: { packages: ['github.com/rabbitmq/amqp091-go', 'github.com/streadway/amqp'], starter: [] },
    rust: { packages: ['lapin', 'amqprs', 'deadpool-lapin'], starter: [] },
    ruby: { packages: ['bunny', 'sneakers', 'hutch', 'march_hare'], starter: [] },
    dotnet: { packages: ['rabbitmq.client', 'masstransit.rabbitmq', 'easynetq', 'rebus.rabbitmq', 'aspnetcore.healthchecks.rabbitmq', 'wolverine.rabbitmq'], starter: [] },
    php: { packages: ['php-amqplib/php-amqplib', 'ext-amqp', 'symfony/amqp-messenger', 'vladimir-yuldashev/laravel-queue-rabbitmq'], starter: [] },
    // Java: Maven/Gradle coordinates (groupId:artifactId, lowercase).
    java: { packages: ['com.rabbitmq:amqp-client', 'org.springframework.boot:spring-boot-starter-amqp', 'org.springframework.amqp:spring-rabbit', 'org.springframework.cloud:spring-cloud-starter-stream-rabbit', 'io.quarkiverse.rabbitmqclient:quarkus-rabbitmq-client', 'io.quarkus:quarkus-messaging-rabbitmq', 'io.quarkus:quarkus-smallrye-reactive-messaging-rabbitmq'], starter: [] },
  },
  urlSchemes: ['amqp', 'amqps', 'pyamqp'],
  env: [
    { key: 'RABBITMQ_DEFAULT_USER', comment: 'RabbitMQ: the rabbitmq container creates this user on its first start', value: dbIdentifier, readBy: 'service' },
    { key: 'RABBITMQ_DEFAULT_PASS', secretLength: 32, readBy: 'service' },
    {
      key: 'AMQP_URL',
      comment: 'The app connects with this URL ("rabbitmq" is the compose service name, %2F the default virtual host)',
      example: 'amqp://USER:PASSWORD@rabbitmq:5672/%2F',
      secret: true,
      value: (_ctx, env) => url(env, undefined),
    },
  ],
  wire: (key, example) =>
    // .NET: an AMQP URI, which RabbitMQ.Client's ConnectionFactory.Uri and MassTransit read (ConnectionStrings__RabbitMQ).
    connectionStringVariable(key, example, { host: 'rabbitmq', names: /rabbit|amqp|messaging|broker|bus/i, looksLike: (e) => /^amqps?:\/\//i.test(e), value: (env) => url(env, undefined), example: url({}, undefined) }) ??
    wireVariable(key, example, {
      stems: ['RABBITMQ', 'RABBIT', 'AMQP', 'BROKER', 'CELERY_BROKER'],
      host: 'rabbitmq',
      port: 5672,
      user: (env) => env.RABBITMQ_DEFAULT_USER ?? '',
      password: (env) => env.RABBITMQ_DEFAULT_PASS ?? '',
      url,
      // Celery's pyamqp:// is amqp:// with py-amqp; amqps:// needs TLS, which this server does not offer.
      schemes: ['amqp', 'pyamqp'],
    }),
  compose: () => ({
    image,
    hostname: 'rabbitmq',
    restart: 'unless-stopped',
    environment: {
      RABBITMQ_DEFAULT_USER: required('RABBITMQ_DEFAULT_USER'),
      RABBITMQ_DEFAULT_PASS: required('RABBITMQ_DEFAULT_PASS'),
    },
    volumes: ['rabbitmq-data:/var/lib/rabbitmq'],
    healthcheck: healthcheck(['CMD-SHELL', CHECK], '30s'),
  }),
  composeComments: {
    hostname: 'RabbitMQ keeps its data under its node name (rabbit@<hostname>): a fixed hostname finds it again after the container is re-created',
    'healthcheck.test': 'Healthy once the broker has booted and accepts AMQP connections',
    volumes: 'Queues and messages survive `docker compose down`; `down -v` deletes them',
  },
  swarm: (ctx) => ({
    service: {
      image,
      hostname: 'rabbitmq',
      command: ['sh', '-c', `export RABBITMQ_DEFAULT_PASS="$$(cat ${swarmSecretPath('RABBITMQ_DEFAULT_PASS')})" && exec docker-entrypoint.sh rabbitmq-server`],
      environment: { RABBITMQ_DEFAULT_USER: dbIdentifier(ctx) },
      secrets: [swarmSecretName('RABBITMQ_DEFAULT_PASS')],
      volumes: ['rabbitmq-data:/var/lib/rabbitmq'],
      healthcheck: healthcheck(['CMD-SHELL', CHECK], '30s'),
      deploy: swarmDeploy('1G'),
    },
    secrets: ['RABBITMQ_DEFAULT_PASS'],
    comments: {
      hostname: 'RabbitMQ keeps its data under its node name (rabbit@<hostname>): the same on every re-created task',
      command: 'The image has no *_FILE support: read the password from the Docker secret file, then start as the image does',
      volumes: 'A named volume lives on one node: keep RabbitMQ there (deploy.placement.constraints)',
    },
  }),
  kubernetes: (k) => [
    serviceFor(k, 'rabbitmq', 5672, true),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'rabbitmq', labels: k.labels('rabbitmq') },
      spec: {
        // A StatefulSet: the pod's hostname (rabbitmq-0), so RabbitMQ's node name and data, stay the same.
        serviceName: 'rabbitmq',
        replicas: 1,
        selector: { matchLabels: k.selector('rabbitmq') },
        template: podTemplate(k, 'rabbitmq', {
          name: 'rabbitmq',
          image,
          ports: [{ name: 'rabbitmq', containerPort: 5672 }],
          env: [k.fromConfig('RABBITMQ_DEFAULT_USER'), k.fromSecret('RABBITMQ_DEFAULT_PASS')],
          startupProbe: { ...probe(CHECK), failureThreshold: 30 },
          readinessProbe: probe(CHECK),
          livenessProbe: probe(CHECK),
          resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
          securityContext: { allowPrivilegeEscalation: false },
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }],
        }),
        volumeClaimTemplates: [dataClaim('1Gi')],
      },
    } satisfies IStatefulSet,
  ],
  readme: () => [
    { task: 'RabbitMQ: its queues', command: 'docker compose exec rabbitmq rabbitmqctl list_queues name messages consumers' },
    { task: 'RabbitMQ: its state', command: 'docker compose exec rabbitmq rabbitmq-diagnostics status' },
  ],
  secretsNote: `RabbitMQ creates its user when its volume is first created. To change the
password later, change \`RABBITMQ_DEFAULT_PASS\` and \`AMQP_URL\` together, then
\`docker compose down -v\` (this deletes the queues) and start again.`,
  k8sSummary: 'RabbitMQ as a StatefulSet (a stable node name) with a volume claim and a headless Service',
};
