/**
 * Java apps for the e2e tier: written by us, shaped like real projects (a
 * Maven build with the app's package under src/main/java, settings from the
 * environment with defaults, a health route that checks its database), with
 * no Docker files. The e2e tier runs `dockerize --yes` in each, so detection
 * decides everything.
 *
 * The rig's maven stand-in resolves from Debian's Maven repository (see
 * ../shared/docker-rig/stand-ins/families/java.sh): org.postgresql:postgresql
 * 42.7.7 is there, Spring Boot is not. So the JDK-httpserver app runs here,
 * and the Spring Boot app runs only where Maven Central is reachable
 * (DOCKERIZE_E2E_MAVEN_CENTRAL=1); here it is skipped with the reason.
 */
import type { App } from './python-apps.js';

const inventoryPom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>inventory</artifactId>
  <version>0.3.0</version>
  <packaging>jar</packaging>
  <properties>
    <maven.compiler.release>21</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <version>42.7.7</version>
    </dependency>
  </dependencies>
</project>
`;

const inventoryMain = `package com.acme.inventory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class App {
  static Connection connect() throws SQLException {
    String host = System.getenv().getOrDefault("DB_HOST", "localhost");
    String name = System.getenv().getOrDefault("DB_NAME", "inventory");
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/" + name, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
  }

  /** The schema and its seed rows, applied at start (no migration tool). */
  static void migrate() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS items (id INT PRIMARY KEY, name TEXT NOT NULL, qty INT NOT NULL)");
      s.execute("INSERT INTO items VALUES (1, 'bolt', 120), (2, 'nut', 300) ON CONFLICT (id) DO NOTHING");
    }
  }

  static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  public static void main(String[] args) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        migrate();
        break;
      } catch (SQLException e) {
        if (attempt == 30) throw e;
        Thread.sleep(1000);
      }
    }
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", ex -> {
      try (Connection c = connect()) {
        send(ex, c.isValid(2) ? 200 : 503, "{\\"status\\":\\"ok\\"}");
      } catch (SQLException e) {
        send(ex, 503, "{\\"status\\":\\"error\\"}");
      }
    });
    server.createContext("/api/items", ex -> {
      StringBuilder sb = new StringBuilder("[");
      try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name, qty FROM items ORDER BY id")) {
        while (rs.next()) {
          if (sb.length() > 1) sb.append(',');
          sb.append("{\\"id\\":").append(rs.getInt(1)).append(",\\"name\\":\\"").append(rs.getString(2)).append("\\",\\"qty\\":").append(rs.getInt(3)).append('}');
        }
        send(ex, 200, sb.append(']').toString());
      } catch (SQLException e) {
        send(ex, 500, "{\\"error\\":\\"database\\"}");
      }
    });
    server.start();
  }
}
`;

const springPom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.4.1</version>
    <relativePath/>
  </parent>
  <groupId>com.acme</groupId>
  <artifactId>notes</artifactId>
  <version>0.0.1-SNAPSHOT</version>
  <properties>
    <java.version>21</java.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-jdbc</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-actuator</artifactId>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <scope>runtime</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
</project>
`;

const springApp = `package com.acme.notes;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class NotesApplication {
  private final JdbcTemplate jdbc;

  NotesApplication(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static void main(String[] args) {
    SpringApplication.run(NotesApplication.class, args);
  }

  @GetMapping("/api/notes")
  List<Map<String, Object>> notes() {
    return jdbc.queryForList("SELECT id, text FROM notes ORDER BY id");
  }
}
`;

export const javaApps: Array<App & { unavailable?: () => string | undefined }> = [
  {
    // The JDK's HTTP server + the PostgreSQL driver (Debian has 42.7.7): the app applies its schema at start, so the route answers the rows it seeded.
    id: 'java-maven-httpserver-postgres',
    route: '/api/items',
    expect: [
      { id: 1, name: 'bolt', qty: 120 },
      { id: 2, name: 'nut', qty: 300 },
    ],
    services: ['postgres'],
    migrates: false,
    files: { 'pom.xml': inventoryPom, 'src/main/java/com/acme/inventory/App.java': inventoryMain },
  },
  {
    // Spring Boot with JDBC and Actuator: schema.sql and data.sql run at start (spring.sql.init.mode=always); SPRING_DATASOURCE_* point it at postgres.
    id: 'java-spring-boot-jdbc-postgres',
    route: '/api/notes',
    expect: [
      { id: 1, text: 'hello' },
      { id: 2, text: 'world' },
    ],
    services: ['postgres'],
    migrates: false,
    files: {
      'pom.xml': springPom,
      'src/main/java/com/acme/notes/NotesApplication.java': springApp,
      'src/main/resources/application.properties': 'spring.application.name=notes\nspring.sql.init.mode=always\n',
      'src/main/resources/schema.sql': 'CREATE TABLE IF NOT EXISTS notes (id INT PRIMARY KEY, text TEXT NOT NULL);\n',
      'src/main/resources/data.sql': "INSERT INTO notes VALUES (1, 'hello'), (2, 'world') ON CONFLICT (id) DO NOTHING;\n",
    },
    unavailable: () =>
      process.env.DOCKERIZE_E2E_MAVEN_CENTRAL
        ? undefined
        : "Spring Boot comes from Maven Central, which this machine can't reach (the rig's Maven serves Debian's repository, which has no Spring Boot); set DOCKERIZE_E2E_MAVEN_CENTRAL=1 where it can",
  },
];
