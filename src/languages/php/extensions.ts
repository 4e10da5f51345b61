/**
 * PHP extensions: which ones the official php image already has, which
 * `docker-php-ext-install` compiles (and the Debian -dev packages they build
 * against), and which come from PECL (`pecl install` + `docker-php-ext-enable`).
 */

/** Compiled into the official php images (php -m): nothing to install. */
export const BUILT_IN = new Set([
  'core', 'ctype', 'curl', 'date', 'dom', 'fileinfo', 'filter', 'hash', 'iconv', 'json', 'libxml', 'mbstring', 'mysqlnd', 'openssl', 'pcre', 'pdo', 'pdo_sqlite',
  'phar', 'posix', 'random', 'readline', 'reflection', 'session', 'simplexml', 'sodium', 'spl', 'sqlite3', 'standard', 'tokenizer', 'xml', 'xmlreader', 'xmlwriter', 'zlib',
]);

/** Bundled with PHP's source, built by docker-php-ext-install; the Debian packages each builds against (trixie). */
export const BUNDLED: Readonly<Record<string, readonly string[]>> = {
  bcmath: [], calendar: [], exif: [], gettext: [], mysqli: [], opcache: [], pcntl: [], pdo_mysql: [], shmop: [], sockets: [], sysvmsg: [], sysvsem: [], sysvshm: [],
  pdo_pgsql: ['libpq-dev'], pgsql: ['libpq-dev'], intl: ['libicu-dev'], zip: ['libzip-dev'], gd: ['libfreetype-dev', 'libjpeg62-turbo-dev', 'libpng-dev'],
  gmp: ['libgmp-dev'], xsl: ['libxslt1-dev'], bz2: ['libbz2-dev'], soap: ['libxml2-dev'], ldap: ['libldap-dev'], tidy: ['libtidy-dev'], ffi: ['libffi-dev'],
};

/** From PECL (pecl install NAME && docker-php-ext-enable NAME), with the Debian packages each builds against. */
export const PECL: Readonly<Record<string, readonly string[]>> = {
  redis: [], apcu: [], igbinary: [], msgpack: [], uuid: ['uuid-dev'], yaml: ['libyaml-dev'], mongodb: ['libssl-dev'], amqp: ['librabbitmq-dev'],
  memcached: ['libmemcached-dev', 'zlib1g-dev'], imagick: ['libmagickwand-dev'],
};

/** What each service's PHP client needs. */
export const SERVICE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  postgres: ['pdo_pgsql'],
  mysql: ['pdo_mysql'],
  mariadb: ['pdo_mysql'],
  redis: ['redis'],
  valkey: ['redis'],
  memcached: ['memcached'],
  mongodb: ['mongodb'],
};

/** The plan for a set of extensions: what to compile, what to take from PECL, the -dev packages, and the names nobody knows. */
export interface ExtensionPlan {
  bundled: string[];
  pecl: string[];
  apt: string[];
  unknown: string[];
  /** gd needs its image libraries configured in. */
  gd: boolean;
}

export function planExtensions(wanted: readonly string[]): ExtensionPlan {
  const bundled = new Set<string>(['opcache']);
  const pecl = new Set<string>();
  const apt = new Set<string>();
  const unknown: string[] = [];
  for (const raw of wanted) {
    const ext = raw.toLowerCase().replace(/-/g, '_').replace(/^zend_?opcache$/, 'opcache');
    if (BUILT_IN.has(ext)) continue;
    if (ext in BUNDLED) {
      bundled.add(ext);
      for (const p of BUNDLED[ext] ?? []) apt.add(p);
    } else if (ext in PECL) {
      pecl.add(ext);
      for (const p of PECL[ext] ?? []) apt.add(p);
    } else if (!unknown.includes(ext)) unknown.push(ext);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { bundled: sorted(bundled), pecl: sorted(pecl), apt: sorted(apt), unknown, gd: bundled.has('gd') };
}
