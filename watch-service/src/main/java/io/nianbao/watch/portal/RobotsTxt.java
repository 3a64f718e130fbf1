package io.nianbao.watch.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A site's robots.txt as RFC 9309 reads it: the group naming our product token (else the {@code *}
 * group) decides; of its Allow and Disallow rules the longest match wins, Allow on a tie;
 * {@code *} matches any characters and a final {@code $} the end of the path. Crawl-delay, which
 * many Chinese portals set, is kept too.
 */
public final class RobotsTxt {

    /** A site without a robots.txt (404 and other 4xx): everything allowed. */
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null);
    /** A site whose robots.txt cannot be read (5xx, unreachable): nothing allowed until it can. */
    public static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule(false, "/")), null);

    private record Rule(boolean allow, String path) {
        boolean matches(String target) {
            return pattern().matcher(target).lookingAt();
        }

        private Pattern pattern() {
            boolean anchored = path.endsWith("$");
            String body = anchored ? path.substring(0, path.length() - 1) : path;
            StringBuilder regex = new StringBuilder();
            for (String piece : body.split("\\*", -1)) {
                if (!regex.isEmpty()) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(piece));
            }
            return Pattern.compile(anchored ? regex + "$" : regex.toString());
        }
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsTxt(List<Rule> rules, Duration crawlDelay) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
    }

    /** The rules of the group for {@code productToken} (case-insensitive), else of {@code *}. */
    public static RobotsTxt parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Group> groups = groups(text);
        List<Group> ours = groups.stream().filter(g -> g.agents.stream().anyMatch(a -> !a.equals("*") && token.contains(a))).toList();
        List<Group> chosen = ours.isEmpty() ? groups.stream().filter(g -> g.agents.contains("*")).toList() : ours;
        List<Rule> rules = new ArrayList<>();
        Duration delay = null;
        for (Group group : chosen) {
            rules.addAll(group.rules);
            if (group.crawlDelay != null) {
                delay = group.crawlDelay;
            }
        }
        return new RobotsTxt(rules, delay);
    }

    /** Whether the path (with its query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        String target = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.matches(target) && (best == null || rule.path.length() > best.path.length()
                    || (rule.path.length() == best.path.length() && rule.allow))) {
                best = rule;
            }
        }
        return best == null || best.allow;
    }

    /** The Crawl-delay the site asks of us, if any. */
    public Optional<Duration> crawlDelay() {
        return Optional.ofNullable(crawlDelay);
    }

    private static final class Group {
        final List<String> agents = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        Duration crawlDelay;
    }

    private static List<Group> groups(String text) {
        List<Group> groups = new ArrayList<>();
        Group current = null;
        boolean inAgents = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "user-agent" -> {
                    if (current == null || !inAgents) {
                        current = new Group();
                        groups.add(current);
                    }
                    current.agents.add(value.toLowerCase(Locale.ROOT));
                    inAgents = true;
                }
                case "allow", "disallow" -> {
                    inAgents = false;
                    if (current != null && !value.isEmpty()) {
                        current.rules.add(new Rule(field.equals("allow"), value));
                    }
                }
                case "crawl-delay" -> {
                    inAgents = false;
                    if (current != null) {
                        try {
                            current.crawlDelay = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                        } catch (NumberFormatException ignored) {
                            // a delay that is no number asks nothing
                        }
                    }
                }
                default -> inAgents = false;
            }
        }
        return groups;
    }
}
