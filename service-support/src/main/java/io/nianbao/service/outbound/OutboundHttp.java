package io.nianbao.service.outbound;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one way a nianbao service makes HTTP requests to addresses it was given (a document's URL,
 * a webhook): every address the host resolves to must pass the {@link AddressPolicy}, checked in
 * the client's DNS resolver, so the address checked is the address connected to (no rebinding
 * between check and connect). Redirects are not followed (a caller that follows them checks each
 * hop's URL again, and its address is checked on connect like any); no cookies, no transparent
 * decompression (size limits count what arrives), no automatic retries.
 */
public final class OutboundHttp {

    private final AddressPolicy policy;
    private final String userAgent;

    /**
     * @param allowLoopback for tests against a local server only ({@code nianbao.outbound.allow-loopback})
     * @param userAgent     names nianbao and the service
     */
    public OutboundHttp(boolean allowLoopback, String userAgent) {
        this.policy = new AddressPolicy(allowLoopback);
        this.userAgent = userAgent;
    }

    /** A client with the given timeouts: to connect, and between bytes of the answer. */
    public CloseableHttpClient client(Duration connectTimeout, Duration readTimeout) {
        return client(new CheckingResolver(policy, null), connectTimeout, readTimeout);
    }

    /**
     * A client for one of our own services at a URL the operator configured (not one a request or
     * a page gave): its host may resolve to a private network's addresses, any other host is held
     * to the policy as usual.
     */
    public CloseableHttpClient serviceClient(URI configured, Duration connectTimeout, Duration readTimeout) {
        return client(new CheckingResolver(policy, configured.getHost()), connectTimeout, readTimeout);
    }

    private CloseableHttpClient client(DnsResolver resolver, Duration connectTimeout, Duration readTimeout) {
        Timeout read = Timeout.of(readTimeout);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(read).build())
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(userAgent)
                .build();
    }

    /**
     * The URL, if it is one a request may be sent to: http or https, a host, no user info; and,
     * when {@code resolveNow}, a host that resolves to permitted addresses only (to refuse a
     * subscription at once; the connection is checked again whatever this said).
     *
     * @throws ForbiddenAddress     when the host resolves to an address the policy refuses
     * @throws IllegalArgumentException when it is not such a URL, or the host does not resolve
     */
    public URI checkUrl(String url, boolean resolveNow) throws ForbiddenAddress {
        URI uri;
        try {
            uri = new URI(url).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("not an http(s) URL with a host and without user info: " + url);
        }
        if (resolveNow) {
            try {
                new CheckingResolver(policy, null).resolve(uri.getHost());
            } catch (ForbiddenAddress e) {
                throw e;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host " + uri.getHost(), e);
            }
        }
        return uri;
    }

    /** Resolves, then refuses the host if any of its addresses is not permitted (unless it is the configured service's). */
    private record CheckingResolver(AddressPolicy policy, String configuredHost) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (host.equalsIgnoreCase(configuredHost)) {
                return addresses;
            }
            for (InetAddress address : addresses) {
                if (!policy.permits(address)) {
                    throw new ForbiddenAddress(host + " → " + address.getHostAddress());
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // no reverse lookups
        }
    }

    /**
     * A host that resolves to an address the policy refuses. An UnknownHostException, so that it
     * passes through the client's connect path unchanged.
     */
    public static final class ForbiddenAddress extends UnknownHostException {
        ForbiddenAddress(String message) {
            super(message);
        }
    }
}
