/** The JSON Schemas of schemas/, loaded once from the classpath, and their field errors. */
package io.facecheck.contracts.schema;
