/**
 * Go apps for the e2e tier: written by us, shaped like real projects (a
 * cmd/<name> main package, an internal package for storage, settings from the
 * environment with defaults, a health route that checks its services), with no
 * Docker files. The e2e tier runs `dockerize --yes` in each, so detection
 * decides everything.
 *
 * The rig's golang stand-in serves modules from Debian's packages (see
 * ../shared/docker-rig/stand-ins/families/golang.sh): chi v5, pgx v4 and
 * go-redis v5 (gopkg.in/redis.v5) are there; pgx v5 and go-redis v9 are not.
 * go.mod and go.sum are what `go mod tidy` wrote on the rig: its go.sum hashes
 * are the local proxy's (Debian's code), which the stand-in's go also writes
 * for any other go.sum it is given.
 */
import type { App } from './python-apps.js';

export const goApps: App[] = [
  {
    // chi + pgx + go-redis: the app applies its schema at start (no migration tool), so the route answers the rows it seeded.
    id: 'go-chi-pgx-redis',
    route: '/api/items',
    expect: [
      { id: 1, name: 'bolt', qty: 120 },
      { id: 2, name: 'nut', qty: 300 },
    ],
    services: ['postgres', 'redis'],
    migrates: false,
    files: {
      'go.mod': `module github.com/acme/inventory

go 1.24

require (
	github.com/go-chi/chi/v5 v5.2.0
	github.com/jackc/pgx/v4 v4.18.1
	gopkg.in/redis.v5 v5.2.9
)

require (
	github.com/jackc/chunkreader/v2 v2.0.1 // indirect
	github.com/jackc/pgconn v1.14.0 // indirect
	github.com/jackc/pgio v1.0.0 // indirect
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgproto3/v2 v2.3.2 // indirect
	github.com/jackc/pgservicefile v0.0.0-20231201000000-de7065d // indirect
	github.com/jackc/pgtype v1.10.0 // indirect
	github.com/jackc/puddle v1.3.0 // indirect
	github.com/onsi/ginkgo v1.16.5 // indirect
	github.com/onsi/gomega v1.36.2 // indirect
	golang.org/x/crypto v0.25.0 // indirect
	golang.org/x/text v0.22.0 // indirect
)
`,
      'go.sum': `github.com/chzyer/readline v1.4.39/go.mod h1:nSuG5e5PlCu98SY8svDHJxuZscDgtXS6KTTbou5AhLI=
github.com/coreos/go-systemd/v22 v22.5.0/go.mod h1:m2r/smMKsKwgMSAoFKHaa68ImdCSNuKE1MxvQ64xuCQ=
github.com/creack/pty v1.1.21/go.mod h1:MOBLtS5ELjhRRrroQr9kyvTxUAFNvYEK993ew/Vr4O4=
github.com/davecgh/go-spew v1.1.1 h1:23Y6J+nYxrGbaWYPeuVgF9lKLJ/3QKrUBfBGP7tXoC8=
github.com/davecgh/go-spew v1.1.1/go.mod h1:J7Y8YcW2NihsgmVo/mv3lAwl/skON4iLHjSsI+c5H38=
github.com/fsnotify/fsnotify v1.8.0 h1:c7qis5Id80v23eDuqns20vYgWzWpmFZntBKkPegXi58=
github.com/fsnotify/fsnotify v1.8.0/go.mod h1:w/fGzZlUo6kFCuy7prjfIgTbdBhafMPW87gZ8tjMfU4=
github.com/go-chi/chi/v5 v5.2.0 h1:S4wfZglCy4QIFHWEhsVIa8pzzy1wKokEVLbLPRhMqkA=
github.com/go-chi/chi/v5 v5.2.0/go.mod h1:DslCQbL2OYiznFReuXYUmQ2hGd1aDpCnlMNITLSKoi8=
github.com/go-kit/log v0.2.1/go.mod h1:ajiEuVDB38hSg9UXDHst4j90WfU25vk+3FgFHdUNe74=
github.com/go-logfmt/logfmt v0.5.0/go.mod h1:wCYkCAKZfumFQihp8CzCvQ3paCTfi41vtzG1KdI/P7A=
github.com/godbus/dbus/v5 v5.1.0/go.mod h1:xhWf0FNVPg57R7Z0UbKHbJfkEywrmjJnf7w5xrFpKfA=
github.com/golang/protobuf v1.5.4/go.mod h1:PRJESHYTOTyMrEmt3vMmXBYqxf4nWDi/SXXZzxpC38o=
github.com/google/go-cmp v0.6.0 h1:Y04fBCjP2fngI2KJAmz9wpIZ418ROiodTVLIHZOnSUM=
github.com/google/go-cmp v0.6.0/go.mod h1:17dUlkBOakJ0+DkrSSNjCkIjxS6bF9zb3elmeNGIjoY=
github.com/google/pprof v0.0.0-20211008000000-947d60d/go.mod h1:EKNfOFN0j91u2zRxeJpfpXUiwNCH4E6vny2J/Bcn2Pc=
github.com/ianlancetaylor/demangle v0.0.0-20200824000000-28f6c0f/go.mod h1:aSSvb/t6k1mPoxDqO4vJh6VOCGPwU4O0C2/Eqndh1Sc=
github.com/jackc/chunkreader/v2 v2.0.1 h1:RZOVn0324DtRhg/3/6vqxABSo6KXO0wim/S1iJR61pQ=
github.com/jackc/chunkreader/v2 v2.0.1/go.mod h1:odVSm741yZoC3dpHEUXIqA9tQRhFrgOHwnPIn9lDKlk=
github.com/jackc/pgconn v1.14.0 h1:VybBFwJj/xiyFvvj400YDWANy0rhJJAtBaH7ErVKqgk=
github.com/jackc/pgconn v1.14.0/go.mod h1:bZBco31FiGfh2MOOumRn1hzlsLAqOBH26+Tlr8eHLvU=
github.com/jackc/pgio v1.0.0 h1:A3NHW95KcwzYcgiM4ZUXispzLKBVg54v/OIKaeC2Leo=
github.com/jackc/pgio v1.0.0/go.mod h1:oP+2QK2wFfUWgr+gxjoBH9KGBb31Eio69xUb0w5bYf8=
github.com/jackc/pgmock v0.0.0-20210724000000-4ad1a82 h1:eSy2X3AgsJ7zSeu+ANx8PtRpKSShnGLTLnDsG+ZzeGg=
github.com/jackc/pgmock v0.0.0-20210724000000-4ad1a82/go.mod h1:1JWkrLh01qTqyJK7MLP/91TA1yKI14HayICJho6ZHPE=
github.com/jackc/pgpassfile v1.0.0 h1:rjUsXR/wMbSoj/7WATV+mVq29mF5fAJfHCI4t/mFCek=
github.com/jackc/pgpassfile v1.0.0/go.mod h1:xwhPRLvSEIin1TofQa2SvcLxtwTaIUpNv7cUuO7psP0=
github.com/jackc/pgproto3/v2 v2.3.2 h1:0F5dShUjsLC0xiz1I34imIFpzq9wIXK/pu7rbofr9E4=
github.com/jackc/pgproto3/v2 v2.3.2/go.mod h1:dqUfCytuZsnek53u0jRqzxeW18QwgqH4Wp0NkQnqJuU=
github.com/jackc/pgservicefile v0.0.0-20231201000000-de7065d h1:ary6aunlptP078/rc6CXOJybCAAePoqZCFxjmajrMQ0=
github.com/jackc/pgservicefile v0.0.0-20231201000000-de7065d/go.mod h1:LESMnNRTpuZwwKNwk96KnYQ2fsizDiPfjEQti/qsqrU=
github.com/jackc/pgtype v1.10.0 h1:nk18FA920cmXurEE8qoVF0pZcD59sKlDdZX3vOD9liM=
github.com/jackc/pgtype v1.10.0/go.mod h1:c6DIYhPs/zXmFI66gbUPT3tCCasRuiAr4T9V5zsqtCk=
github.com/jackc/pgx/v4 v4.18.1 h1:TRmDQ/m7vTGUhs6lR2bVbUO3l13dg6/xbToegOIGZho=
github.com/jackc/pgx/v4 v4.18.1/go.mod h1:30W25/eBYKVDRmDi5e8CUo6lacEaCBBmB01UK9l99qo=
github.com/jackc/puddle v1.3.0 h1:hYYyfTPnl7Y9qt5R3+0ZV3LRpkjN0lsBz6G2ts+Vnrc=
github.com/jackc/puddle v1.3.0/go.mod h1:YeWq/dvUU1CpglQcWIYGdn9c5QgCvm0ZkOhgzJJ9xb0=
github.com/kr/pretty v0.3.1/go.mod h1:GZ6m+F9XcfxmiG5WivCsoMce7lX65Qc7GOThiIP9sVo=
github.com/kr/text v0.2.0/go.mod h1:x+YqA+cLinA0DJhG5yYzN+7Sb+Rfz4l0Goe5rHM4j+o=
github.com/lib/pq v1.10.9 h1:iRs9GVdOLmFyzJBkfMQawda5tSvT1FE2RBzEyBE8BHw=
github.com/lib/pq v1.10.9/go.mod h1:AlVN5x4E4T544tWzH6hKfbfQvm3HdbOxrmggDNAPY9o=
github.com/mattn/go-colorable v0.1.13/go.mod h1:Wu2PZ/t+OZ0HDKjZaRYLfqn7iwb6kFpyQKE0ydXwjkc=
github.com/mattn/go-isatty v0.0.20/go.mod h1:PV7xO94aHZ7a57Gi4iAjSAvsRK9kTrKDglLl4UWK4uA=
github.com/nxadm/tail v1.4.11 h1:BaJBzNAKZ1d6UvNOz4vkRv6UgPZ06qNs9xwb+0OVxbw=
github.com/nxadm/tail v1.4.11/go.mod h1:KCqws6+zjOhUZSLCiVbzwjkMQQgv09B9uatjAN7c+LA=
github.com/onsi/ginkgo v1.16.5 h1:hrDFKpPz7rW7+qJ/M5HyQZyAvMb254BsVUALtF0g+kc=
github.com/onsi/ginkgo v1.16.5/go.mod h1:ZqjWXidtEYtl79mhnUqiSl9WGwLepmnya2HEaAooKHw=
github.com/onsi/gomega v1.36.2 h1:6nBxN7d6c9jbBIam8SQlGc9DjqF9rREwqCoUnPZv29s=
github.com/onsi/gomega v1.36.2/go.mod h1:Pv/BLTZIfnQrseWlEBSLdIy/aqPU6V6RJ/r+n+ge1l8=
github.com/pkg/errors v0.9.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=
github.com/pmezard/go-difflib v1.0.0 h1:5oy1+Gq3YokMRCumQ+wlg2QmNI207gw6k1w7HzZk+Y0=
github.com/pmezard/go-difflib v1.0.0/go.mod h1:iKH77koFhYxTK1pcRnkKkqfTogsbg7gZNVY4sRDYZ/4=
github.com/rogpeppe/go-internal v1.12.0/go.mod h1:HGGKmgIbEZpeW/KVw4QJRZgOSput2zSNoV+Ce2gHJsQ=
github.com/rs/xid v1.6.0/go.mod h1:7XoLgs4eV+QndskICGsho+ADou8ySMSjJKDIan90Nz0=
github.com/rs/zerolog v1.29.1/go.mod h1:7DzJdnF2GLqE0FmxYCOsPR8cgRZF1iQmTeeo4XTqrBg=
github.com/shopspring/decimal v1.3.1 h1:7S+YsvmZsX0dnYh5OFjSh3LZ5TkboYVnOWtet53g5ng=
github.com/shopspring/decimal v1.3.1/go.mod h1:DKyhrW/HYNuLGql+MJL6WCR6knT2jwCFRcu2hWCYk4o=
github.com/sirupsen/logrus v1.9.0/go.mod h1:/8oruwo26f5mx+OOYCWgSDkKZt+IRGGConLSWvhQAwU=
github.com/stretchr/objx v0.5.2/go.mod h1:N1yv5xu1AI6965o32hvwxvH4TCLdIhlAh3LLna3Ph8Y=
github.com/stretchr/testify v1.10.0 h1:RSZ0+kQBYMOpMxM2E0dyhwv9m2lEJvtNj0vSC9AKYoc=
github.com/stretchr/testify v1.10.0/go.mod h1:p4PRgORDavl9mLqsu/ftg5gVEsiFpQF/d3QNCF+DWuw=
github.com/yuin/goldmark v1.7.4/go.mod h1:uzxRWxtg69N339t3louHJ7+O03ezfj6PlliRlaOzY1E=
go.uber.org/atomic v1.11.0/go.mod h1:avqOaQrusHlEz696oxKfmYyr/AltlO8u2aaMMa9igDs=
go.uber.org/goleak v1.3.0/go.mod h1:6ZQNVAejtqhZHtQo+0i+Oi9pA5II/LVwL2ZL5EELNOw=
go.uber.org/multierr v1.6.0/go.mod h1:zfoSF3fZ2DkyJAaxMFkDAKEk11EbQQyv2j1aYo+3pNs=
go.uber.org/zap v1.26.0/go.mod h1:AUL0Ln5AhkPE8qOJ0JLgqNQD++TiOQWGF3q1y50Czgc=
golang.org/x/crypto v0.25.0 h1:HFTbTi9kPWUKamKFgW3jtGYq1Ax0HkUeqVkvbYV3sw8=
golang.org/x/crypto v0.25.0/go.mod h1:RuBcviLHemJXtj2fkp8tLxaznyp36qmwqFUOU5mNoFE=
golang.org/x/mod v0.19.0/go.mod h1:3J9P1r47hvYkTWYMyZCZZsnnIVDvdQ+OGg96MJLaDqU=
golang.org/x/net v0.27.0 h1:iQihXbp77phSjiwVG/VVmnZQqW2lxb6C5+3DMN1B0OU=
golang.org/x/net v0.27.0/go.mod h1:09uGa1aaPjeB6Gl04/P1+ufaUFWWfjZZEwoELhYyEok=
golang.org/x/sync v0.7.0/go.mod h1:Czt+wKu1gCyEFDUtn0jG5QVvpJ6rzVqr5aXyt9drQfk=
golang.org/x/sys v0.22.0 h1:LIHIZPU65NBD2zgptARzy6qFvhAu5kCy7w9XBiRRtZA=
golang.org/x/sys v0.22.0/go.mod h1:/VUhepiaJMQUp4+oa/7Zr1D23ma6VTLIYjOOTFZPUcA=
golang.org/x/term v0.22.0/go.mod h1:F3qCibpT5AMpCRfhfT53vVJwhLtIVHhB9XDjfFvnMI4=
golang.org/x/text v0.22.0 h1:nzxjihijA9bwXVAy/QvIAyEG34Ps4HydCTdjOe7sCzo=
golang.org/x/text v0.22.0/go.mod h1:++SHjUZerH8Aghcyfdp+bxwjstvfKXIEWyrE8z68PnE=
golang.org/x/tools v0.25.0/go.mod h1:Pb7jUEovreuvJ7ehHaXpNDGmnVQSTp3B+gaaw+XCIIE=
google.golang.org/protobuf v1.36.5/go.mod h1:F+P0hHd/7pldL+zsBGqrjxWg4ES6AHTVcN+iXbv69PM=
gopkg.in/check.v1 v0.0.0-20250101000000-d1277cd7e6e2/go.mod h1:Co6ibVJAznAaIkqp8huTwlJQCZ016jof/cbN4VW5Yz0=
gopkg.in/redis.v5 v5.2.9 h1:u9bwQxNxk0+poxvfPE9sD4JlXlVfNjxUtx4tEFJ79R0=
gopkg.in/redis.v5 v5.2.9/go.mod h1:6gtv0/+A4iM08kdRfocWYB3bLX2tebpNtfKlFT6H4mY=
gopkg.in/tomb.v1 v0.0.0-20141024000000-dd63297 h1:uxYXYrXHxXKYS+lUCvXp5ROOJH2jo2LCNCWhQaw9mMk=
gopkg.in/tomb.v1 v0.0.0-20141024000000-dd63297/go.mod h1:dt/ZhP58zS4L8KSrWDmTeBkI65Dw0HsyUHuEVlX15mw=
gopkg.in/yaml.v3 v3.0.1 h1:Yf3X5U8XSHLaEzCKDwl7Hjx8F2UXX4DBfTmRvRn5ED8=
gopkg.in/yaml.v3 v3.0.1/go.mod h1:COVPaZSH4UzNKY0Si+fTXeoKmBrfoNy4TlDJ+TgWCDY=
`,
      '.env.example': `DATABASE_URL=postgres://inventory:inventory@localhost:5432/inventory?sslmode=disable
REDIS_URL=redis://:secret@localhost:6379/0
PORT=8080

# Added by generator-dockerize
# Prefix of the containers, network and volumes of this project
COMPOSE_PROJECT_NAME=goapp
# The app is published on http://localhost:APP_PORT
APP_PORT=8080
# PostgreSQL: the postgres container creates this user and database on its first start
POSTGRES_USER=goapp
POSTGRES_PASSWORD=change-me
POSTGRES_DB=goapp
# Redis: every client must authenticate with this password
REDIS_PASSWORD=change-me
`,
      '.gitignore': `/bin/
.env
`,
      'cmd/inventory/main.go': `// Command inventory serves the inventory API.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/acme/inventory/internal/store"
)

func env(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	s, err := store.Open(ctx, os.Getenv("DATABASE_URL"), os.Getenv("REDIS_URL"))
	if err != nil {
		log.Fatalf("store: %v", err)
	}
	defer s.Close()

	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Logger, middleware.Recoverer)
	r.Get("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := s.Ping(r.Context()); err != nil {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "error", "error": err.Error()})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.Route("/api", func(r chi.Router) {
		r.Get("/items", func(w http.ResponseWriter, r *http.Request) {
			items, err := s.Items(r.Context())
			if err != nil {
				writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
				return
			}
			writeJSON(w, http.StatusOK, items)
		})
		r.Get("/items/{id}/views", func(w http.ResponseWriter, r *http.Request) {
			n, err := s.CountView(chi.URLParam(r, "id"))
			if err != nil {
				writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
				return
			}
			writeJSON(w, http.StatusOK, map[string]int64{"views": n})
		})
	})

	srv := &http.Server{Addr: ":" + env("PORT", "8080"), Handler: r, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		log.Printf("inventory listening on %s", srv.Addr)
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
}
`,
      'internal/store/store.go': `// Package store keeps the inventory in PostgreSQL and view counts in Redis.
package store

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/jackc/pgx/v4/pgxpool"
	redis "gopkg.in/redis.v5"
)

type Item struct {
	ID   int    \`json:"id"\`
	Name string \`json:"name"\`
	Qty  int    \`json:"qty"\`
}

type Store struct {
	db    *pgxpool.Pool
	cache *redis.Client
}

const schema = \`CREATE TABLE IF NOT EXISTS items (id serial PRIMARY KEY, name text NOT NULL UNIQUE, qty int NOT NULL);
INSERT INTO items (name, qty) VALUES ('bolt', 120), ('nut', 300) ON CONFLICT (name) DO NOTHING;\`

// Open connects to both, retrying while they start, and applies the schema.
func Open(ctx context.Context, databaseURL, redisURL string) (*Store, error) {
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	var db *pgxpool.Pool
	for attempt := 1; ; attempt++ {
		db, err = pgxpool.Connect(ctx, databaseURL)
		if err == nil {
			if _, err = db.Exec(ctx, schema); err == nil {
				break
			}
			db.Close()
		}
		if attempt == 30 {
			return nil, err
		}
		log.Printf("waiting for postgres: %v", err)
		time.Sleep(time.Second)
	}
	return &Store{db: db, cache: redis.NewClient(opts)}, nil
}

func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	if err := s.cache.Ping().Err(); err != nil {
		return fmt.Errorf("redis: %w", err)
	}
	return nil
}

func (s *Store) Items(ctx context.Context) ([]Item, error) {
	rows, err := s.db.Query(ctx, "SELECT id, name, qty FROM items ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	items := []Item{}
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name, &it.Qty); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

func (s *Store) CountView(id string) (int64, error) {
	return s.cache.Incr("views:" + id).Result()
}

func (s *Store) Close() {
	s.db.Close()
	_ = s.cache.Close()
}
`,
    },
  },
];
