/** Interface content encryption (接口内容加密): per-app AES keys, as the Alipay SDK applies them. */
package io.facecheck.simulator.encryption;
