/** Where Kafka and PostgreSQL are: options, environment variables, defaults, and the clients. */
package io.facecheck.ops.connection;
