package com.billingcenter.system;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real Micro WAR for Arquillian tests, with the one change they need. */
final class MicroWarDeployment {

  private MicroWarDeployment() {}

  static WebArchive create(Class<?>... extraClasses) {
    File war = new File(System.getProperty("runtime.dir", "target/runtime"), "micro.war");
    WebArchive archive =
        ShrinkWrap.create(ZipImporter.class, "billing-center.war")
            .importFrom(war)
            .as(WebArchive.class);
    // Arquillian calls its runner servlet without credentials: the one change to the real WAR.
    String webXml;
    try (InputStream in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
      webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String runnerIsPublic =
        "<security-constraint><web-resource-collection><web-resource-name>Arquillian"
            + "</web-resource-name><url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
            + "</web-resource-collection></security-constraint></web-app>";
    archive.setWebXML(new StringAsset(webXml.replace("</web-app>", runnerIsPublic)));
    return archive.addClasses(extraClasses);
  }
}
