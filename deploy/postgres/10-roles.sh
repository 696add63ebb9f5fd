#!/bin/bash
# docker compose only: runs once, when PostgreSQL initialises its volume (docker-entrypoint-initdb.d).
# Creates the DDL owner and the services' user with the passwords secrets-init generated, hands the
# database to the owner. 20-app-grants.sql (k8s/base/database/app-grants.sql, shared with
# Kubernetes) runs next and grants facecheck_app its rows.
set -euo pipefail
secrets="${FACECHECK_SECRETS_DIR:-/run/secrets/facecheck}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$(cat "$secrets/owner-password")" \
  -v app_password="$(cat "$secrets/app-password")" <<'SQL'
CREATE ROLE facecheck_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE facecheck_app LOGIN PASSWORD :'app_password';
ALTER DATABASE facecheck OWNER TO facecheck_owner;
REVOKE ALL ON DATABASE facecheck FROM PUBLIC;
GRANT CONNECT ON DATABASE facecheck TO facecheck_app;
SQL
