/** The user returning from Alipay: token check, callback hint, redirect to the business page. */
package io.facecheck.intake.callback;
