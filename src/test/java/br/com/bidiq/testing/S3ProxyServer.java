package br.com.bidiq.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** A real S3-compatible server on localhost (s3proxy, in memory, with AWS v2/v4 authentication on). */
public final class S3ProxyServer implements AutoCloseable {

    public static final String IDENTITY = "bidiq-test";
    public static final String CREDENTIAL = "bidiq-test-secret";
    /** The port the object-storage integration server is configured for (src/test/liberty/config-s3). */
    public static final int IT_PORT = 18090;

    private static S3ProxyServer shared;

    private final S3Proxy proxy;

    public S3ProxyServer(int port) throws Exception {
        Properties p = new Properties();
        p.setProperty("jclouds.identity", IDENTITY);
        p.setProperty("jclouds.credential", CREDENTIAL);
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", p))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> "STARTED".equals(proxy.getState()));
    }

    /** One server per test JVM on the integration port, for the object-storage Arquillian run. */
    public static synchronized S3ProxyServer sharedOnItPort() throws Exception {
        if (shared == null) {
            shared = new S3ProxyServer(IT_PORT);
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
