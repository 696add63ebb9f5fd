-- Least privilege in the facecheck database, run once by a superuser after the two roles exist:
--   facecheck_owner  owns the schema and every table; Flyway migrates as this user (DDL)
--   facecheck_app    what intake, worker, reconciler and ops log in as: rows only, no DDL
-- One source for both deployments: CloudNativePG runs it as postInitApplicationSQL (k8s/base),
-- docker compose's PostgreSQL runs it from deploy/postgres/10-roles.sh.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO facecheck_owner;
GRANT USAGE ON SCHEMA public TO facecheck_app;
-- tables and sequences Flyway creates later, as facecheck_owner, are granted as they appear
ALTER DEFAULT PRIVILEGES FOR ROLE facecheck_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO facecheck_app;
ALTER DEFAULT PRIVILEGES FOR ROLE facecheck_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO facecheck_app;
