package io.lensbench.stores.opensearch;

import io.lensbench.core.BadInputException;
import io.lensbench.stores.StoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The HTTP transport to an OpenSearch cluster from a {@link StoreConfig.OpenSearchConfig}: every
 * node URL, basic auth, TLS with a trust store (or, for dev clusters only, any certificate), the
 * connect and request timeouts.
 */
final class OpenSearchClients {
  private OpenSearchClients() {}

  static ApacheHttpClient5Transport transport(StoreConfig config) {
    StoreConfig.OpenSearchConfig o = config.opensearch();
    HttpHost[] hosts = o.urls().stream().map(OpenSearchClients::host).toArray(HttpHost[]::new);
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    if (o.user() != null) {
      char[] pw = o.password() == null ? new char[0] : o.password().reveal().toCharArray();
      for (HttpHost h : hosts) {
        credentials.setCredentials(new AuthScope(h), new UsernamePasswordCredentials(o.user(), pw));
      }
    }
    SSLContext ssl = sslContext(o);
    Timeout connect = Timeout.ofMilliseconds(config.connectTimeout().toMillis());
    Timeout response = Timeout.ofMilliseconds(config.requestTimeout().toMillis());
    return ApacheHttpClient5TransportBuilder.builder(hosts)
        .setHttpClientConfigCallback(b -> {
          PoolingAsyncClientConnectionManagerBuilder cm = PoolingAsyncClientConnectionManagerBuilder.create()
              .setDefaultConnectionConfig(
                  ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(response).build());
          if (ssl != null) {
            ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(ssl);
            if (o.insecure()) {
              tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            cm.setTlsStrategy(tls.build());
          }
          return b.setDefaultCredentialsProvider(credentials).setConnectionManager(cm.build());
        })
        .setRequestConfigCallback(
            (RequestConfig.Builder r) -> r.setResponseTimeout(response).setConnectionRequestTimeout(connect))
        .build();
  }

  private static HttpHost host(String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() > 0 ? uri.getPort() : (uri.getScheme().equals("https") ? 443 : 80);
    return new HttpHost(uri.getScheme(), uri.getHost(), port);
  }

  private static SSLContext sslContext(StoreConfig.OpenSearchConfig o) {
    boolean https = o.urls().stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).startsWith("https:"));
    if (!https) {
      return null;
    }
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      if (o.insecure()) {
        ctx.init(null, new TrustManager[] {new TrustAll()}, null);
      } else if (o.trustStore() != null) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        char[] pw = o.trustStorePassword() == null ? null : o.trustStorePassword().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(o.trustStore())) {
          ks.load(in, pw);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        ctx.init(null, tmf.getTrustManagers(), null);
      } else {
        return SSLContext.getDefault();
      }
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new BadInputException(
          "OpenSearch TLS trust store " + o.trustStore() + ": expected a readable PKCS12/JKS trust store, found: "
              + e.getMessage(),
          e);
    }
  }

  /** Accepts every certificate: only with LENSBENCH_OPENSEARCH_INSECURE=true. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
