-- CloudNativePG only: the services' role must exist before app-grants.sql grants it anything;
-- spec.managed.roles in cluster.yaml then gives it LOGIN and its password (Secret
-- facecheck-db-services). docker compose creates it in deploy/postgres/10-roles.sh instead.
CREATE ROLE facecheck_app NOLOGIN;
REVOKE ALL ON DATABASE facecheck FROM PUBLIC;
GRANT CONNECT ON DATABASE facecheck TO facecheck_app;
