#!/bin/bash
# healthcheck PORT [PATH]: exit 0 when GET http://127.0.0.1:PORT/PATH answers 200. Plain bash
# (/dev/tcp), because the JRE base image has neither curl nor wget.
port="${1:?usage: healthcheck PORT [PATH]}"
path="${2:-/actuator/health}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "${path}" >&3
read -r -t 5 _ status _ <&3 || exit 1
[ "${status}" = "200" ]
