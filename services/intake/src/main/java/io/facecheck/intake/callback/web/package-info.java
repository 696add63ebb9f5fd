/** HTTP face of the Alipay return callback. */
package io.facecheck.intake.callback.web;
