/** The verification-callbacks payload and the HMAC-signed token the Alipay return_url carries. */
package io.facecheck.contracts.callback;
