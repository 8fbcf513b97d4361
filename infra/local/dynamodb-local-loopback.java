// Runs DynamoDB Local on 127.0.0.1 only, and stops it when its standard input closes.
// The jar's own main binds Jetty to every interface and has no option for the address, so this
// launcher builds the server the way that main does (ServerRunner.createServerFromCommandLineArgs),
// sets the connector's host before starting it, and watches stdin: the Node parent holds the other end
// of that pipe, and the kernel closes it however the parent ends (exit, SIGKILL, out-of-memory abort).
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

final class DynamoDbLocalLoopback {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector) ((ServerConnector) connector).setHost("127.0.0.1");
    }
    Thread parentWatch = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // The parent never writes; only the end of the stream matters.
        }
      } catch (java.io.IOException closed) {
        // A broken pipe means the same as its end.
      }
      System.exit(0);
    }, "parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
    proxy.start();
    System.out.println("DynamoDB Local listening on 127.0.0.1 only");
    proxy.join();
  }
}
