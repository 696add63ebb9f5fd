/** The alipay.user.certify.open.query call behind the query use case's port. */
package io.facecheck.worker.query.alipay;
