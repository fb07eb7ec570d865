package br.com.bidiq.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the Arquillian suites deploy: the packaged WAR itself, as users get it. */
public final class Deployments {

    private Deployments() {}

    public static WebArchive bidiqWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bidiq.war"));
    }
}
