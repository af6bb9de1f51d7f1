package dev.adapthub.git.http;

import dev.adapthub.git.receive.PostReceiveListener;
import dev.adapthub.git.receive.PushPolicy;
import dev.adapthub.git.receive.PushVerdict;
import dev.adapthub.git.receive.ReceivePackConfigurator;
import dev.adapthub.git.receive.ReceiveSettings;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * A stand-in for hub-web: embedded Tomcat, a Basic-auth filter that sets the remote user and
 * challenges pushes (as Spring Security will), a name → id lookup with one private repository,
 * and a push policy protecting main for everyone but the maintainer.
 */
final class TestHub implements AutoCloseable {
    static final Map<String, String> TOKENS = Map.of("alice", "alice-token", "bob", "bob-token");
    static final String MAINTAINER = "alice";

    final RepositoryStore store;
    final Map<String, RepoId> names = new ConcurrentHashMap<>();
    final Map<String, Boolean> privateRepos = new ConcurrentHashMap<>();
    final List<String> pushEvents = new CopyOnWriteArrayList<>();
    private final Tomcat tomcat = new Tomcat();
    private final Context ctx;
    private int port;

    TestHub(Path dir, RepositoryStore store) {
        this.store = store;
        tomcat.setBaseDir(dir.resolve("tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        ctx = tomcat.addContext("", null);
    }

    /** Mounts a servlet at {@code prefix/*}, async-capable, as hub-web registers them. */
    TestHub mount(String prefix, HttpServlet servlet) {
        String name = "servlet" + prefix.replace('/', '-');
        Wrapper w = Tomcat.addServlet(ctx, name, servlet);
        w.setAsyncSupported(true);
        ctx.addServletMappingDecoded(prefix + "/*", name);
        return this;
    }

    /** Starts Tomcat with every mount behind the auth filter. */
    TestHub start() throws Exception {
        FilterDef auth = new FilterDef();
        auth.setFilterName("auth");
        auth.setFilter(new BasicAuthFilter());
        auth.setAsyncSupported("true");
        ctx.addFilterDef(auth);
        FilterMap map = new FilterMap();
        map.setFilterName("auth");
        map.addURLPattern("/*");
        ctx.addFilterMap(map);
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
        return this;
    }

    String url(String prefix, String repoName) {
        return "http://127.0.0.1:" + port + prefix + "/" + repoName;
    }

    RepositoryLookup lookup() {
        return (request, name) -> {
            RepoId id = names.get(name);
            if (id == null || privateRepos.getOrDefault(name, false) && request.getRemoteUser() == null) {
                return Optional.empty();
            }
            return Optional.of(id);
        };
    }

    /** Only the maintainer may upload LFS objects. */
    WriteAccess writeAccess() {
        return (request, repo) -> MAINTAINER.equals(request.getRemoteUser());
    }

    ReceivePackConfigurator receive(ReceiveSettings settings) {
        PushPolicy protectMain = (context, command) -> {
            if (command.getType() == ReceiveCommand.Type.UPDATE_NONFASTFORWARD) {
                return PushVerdict.reject("force-pushing " + command.getRefName() + " is not allowed");
            }
            return command.getRefName().equals("refs/heads/main") && !context.user().equals(MAINTAINER)
                    ? PushVerdict.reject("refs/heads/main is protected: open a pull request")
                    : PushVerdict.allow();
        };
        PostReceiveListener record = (context, applied) -> {
            if (context.repository().equals(names.get("alice/flaky-index"))) {
                throw new IllegalStateException("index database is down");
            }
            applied.forEach(c -> pushEvents.add(context.user() + " " + c.getRefName() + " " + c.getType()));
        };
        return new ReceivePackConfigurator(protectMain, record, settings);
    }

    RepoId createRepo(String name) throws Exception {
        RepoId id = RepoId.random();
        store.create(id);
        names.put(name, id);
        return id;
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    /** Basic auth with hub tokens; challenges pushes and bad credentials like the real hub. */
    private static final class BasicAuthFilter extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            String header = req.getHeader("Authorization");
            if (header != null && header.startsWith("Basic ")) {
                String[] userPass = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)
                        .split(":", 2);
                if (userPass.length == 2 && userPass[1].equals(TOKENS.get(userPass[0]))) {
                    chain.doFilter(new HttpServletRequestWrapper(req) {
                        @Override
                        public String getRemoteUser() {
                            return userPass[0];
                        }
                    }, res);
                    return;
                }
                challenge(res);
                return;
            }
            boolean push = "git-receive-pack".equals(req.getParameter("service"))
                    || req.getRequestURI().endsWith("/git-receive-pack");
            if (push) {
                challenge(res);
                return;
            }
            chain.doFilter(req, res);
        }

        private static void challenge(HttpServletResponse res) throws IOException {
            res.setHeader("WWW-Authenticate", "Basic realm=\"AdaptHub\"");
            res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
