/** The initialize and certify-URL calls to Alipay, behind the initiation use case's port. */
package io.facecheck.worker.initiation.alipay;
