package io.nianbao.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a report's document URL may become a link (on the inbox page, in a mail or a robot's message): only an absolute http or
 * https URL with a host. Anything else a portal sent (javascript:, data:, a relative path) is
 * shown as text, never followed.
 */
public final class DocumentLinks {

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

    private DocumentLinks() {
    }

    public static boolean isWebLink(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
