# syntax=docker/dockerfile:1
# The Flyway migrations as an image, for the Kubernetes migration Job (docker compose mounts
# db/migration into the same Flyway image instead). Flyway 11.14.1 is the version the services'
# Spring Boot BOM uses, so the job and the tests apply the same migrations the same way.
#   docker build -f deploy/docker/migrations.Dockerfile -t facecheck/migrations:0.1.0 .
FROM flyway/flyway:11.14.1
COPY db/migration/ /flyway/sql/
USER 10001:10001
ENTRYPOINT ["flyway"]
CMD ["migrate"]
