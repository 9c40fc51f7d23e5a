package io.lensbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void credentialsInUrlsHeadersAndPairsAreHidden() {
    assertEquals("cannot connect to http://****@127.0.0.1:9/v1/chat/completions",
        Secret.redact("cannot connect to http://user:s3cret@127.0.0.1:9/v1/chat/completions"));
    assertEquals("Authorization: Bearer ****", Secret.redact("Authorization: Bearer abc.def"));
    assertEquals("https://h/v1?api_key=**** ok", Secret.redact("https://h/v1?api_key=XYZ ok"));
    assertEquals("no credential here", Secret.redact("no credential here"));
  }
}
