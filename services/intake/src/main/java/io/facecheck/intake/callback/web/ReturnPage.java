package io.facecheck.intake.callback.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The page a returning user sees when intake cannot tell where to send the browser (an old token
 * while PostgreSQL is unavailable): the return is recorded, so the only thing left to do is to go
 * back to the app. Static, so it needs nothing that can be down.
 */
final class ReturnPage {

  static final String HTML =
      """
      <!doctype html>
      <html lang="zh-CN"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>验证已提交 · Verification received</title></head>
      <body style="font-family: sans-serif; text-align: center; margin-top: 20vh">
      <p>验证已提交，请返回应用查看结果。</p>
      <p>Your verification has been received. You can return to the app.</p>
      </body></html>
      """;

  private ReturnPage() {}

  static ResponseEntity<String> returnToTheApp() {
    return ResponseEntity.status(HttpStatus.OK)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(HTML);
  }
}
