package cn.dongcheng.platform.identity.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The issuer's RSA signing key (签名密钥) kept as a JWK file: generated on first start, loaded (same {@code kid}) on
 * every later one, so tokens and cached JWKS survive restarts. In Kubernetes the file is mounted from a Secret.
 */
public final class SigningKeyFile {

    private final Path file;

    public SigningKeyFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The key in the file, or a new RSA 2048 key written there first. */
    public RSAKey loadOrCreate() {
        try {
            if (Files.exists(file)) {
                return load();
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            write(key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + file, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private RSAKey load() throws IOException {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file));
            if (!key.isPrivate()) {
                throw new IllegalStateException(file + " holds a public key only: the issuer needs the private key to sign");
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA JWK", e);
        }
    }

    /** Owner-only from the first byte (written to a 0600 temporary file, then moved into place). */
    private void write(RSAKey key) throws IOException {
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(file.getParent(), ".signing-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), ".signing-key", ".tmp");
        Files.writeString(temp, key.toJSONString());
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
