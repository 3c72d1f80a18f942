package dev.reportsql.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP/1.1 server on a raw socket, for what WireMock cannot do: cut a response in the
 * middle of its body (a clean close or a reset), stall mid-body, and tell when the client hung up.
 * Each connection answers one request (it sends {@code Connection: close}).
 */
final class RawHttpServer implements AutoCloseable {
    /** What to send for one request. */
    @FunctionalInterface
    interface Handler {
        void answer(String method, String path, OutputStream out, Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch clientGone = new CountDownLatch(1);
    private final Thread acceptor;

    RawHttpServer(Handler handler) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** "METHOD path" of every request so far. */
    List<String> requests() {
        return requests;
    }

    long count(String pathSuffix) {
        return requests.stream().filter(r -> r.endsWith(pathSuffix)).count();
    }

    /** Arms a latch that opens when a handler that waits for it sees the client close its socket. */
    CountDownLatch armClientGone() {
        clientGone = new CountDownLatch(1);
        return clientGone;
    }

    /** For handlers: blocks until the client closes the socket (read returns -1 or fails), at most 20 s. */
    void awaitClientClose(Socket socket) throws IOException {
        socket.setSoTimeout(20_000);
        try {
            while (socket.getInputStream().read() >= 0) {
                // drain until the client goes away
            }
        } catch (IOException e) {
            // reset or timeout: the client is gone too (or we stop waiting)
        }
        clientGone.countDown();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "raw-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            int length = 0;
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.readNBytes(length);
            String path = requestLine[1];
            int q = path.indexOf('?');
            path = q < 0 ? path : path.substring(0, q);
            requests.add(requestLine[0] + " " + path);
            handler.answer(requestLine[0], path, socket.getOutputStream(), socket);
        } catch (IOException e) {
            // the client went away; nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** Writes a whole response with a Content-Length. */
    static void respond(OutputStream out, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(headers(status, contentType, bytes.length));
        out.write(bytes);
        out.flush();
    }

    /** Status line and headers announcing {@code length} body bytes. */
    static byte[] headers(int status, String contentType, long length) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Ends the connection with a TCP reset instead of a clean close. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    static void sleep(long millis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
