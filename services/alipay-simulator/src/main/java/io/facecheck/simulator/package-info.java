/** The embeddable Alipay gateway simulator: start it, register apps, set a scenario, read stats. */
package io.facecheck.simulator;
