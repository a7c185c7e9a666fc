package cn.dongcheng.platform.credit.report;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

/**
 * The platform's report-signing key (报告签名密钥): RSA, apart from the OpenID issuer's token key, so that rotating or
 * losing one never touches the other. Its key id is the first 16 hex digits of the SHA-256 of the public key's
 * SubjectPublicKeyInfo (DER), so anyone holding the public key computes the same id. The self-signed certificate that
 * travels in each PDF signature (PDF readers want one) is derived from the key alone — fixed names, validity and
 * serial, deterministic RSA signature — so every instance and every restart embeds the same certificate.
 */
public final class ReportSigningKey {

    public static final String ALGORITHM = "SHA256withRSA";
    static final int GENERATED_BITS = 3072;
    private static final X500Name SUBJECT = new X500Name("CN=Dongcheng Data Platform credit report signing,O=Dongcheng Data Platform,L=Beijing,C=CN");
    private static final Date NOT_BEFORE = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final Date NOT_AFTER = Date.from(Instant.parse("2099-12-31T00:00:00Z"));

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final X509CertificateHolder certificate;

    private ReportSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyIdOf(publicKey);
        this.certificate = selfSigned();
    }

    /** A new key, e.g. the first time the platform starts (or for a test). */
    public static ReportSigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(GENERATED_BITS);
            var pair = generator.generateKeyPair();
            return new ReportSigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an RSA private key from PEM: PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}). */
    public static ReportSigningKey fromPem(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            PrivateKeyInfo info = read instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                    : read instanceof PrivateKeyInfo plain ? plain : null;
            if (info == null) {
                throw new IllegalArgumentException("no unencrypted private key in the PEM text");
            }
            PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(info);
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalArgumentException("the report-signing key must be an RSA key, not " + key.getAlgorithm());
            }
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new ReportSigningKey(key, publicKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a readable private key: " + e.getMessage(), e);
        }
    }

    /**
     * The key in {@code file} (PEM). A missing file is an error unless {@code createIfMissing} (./platform's local
     * run): then a new key is written there once, readable by this user only, and kept from then on. In a cluster the
     * file is a mounted Secret and never created by the service.
     */
    public static ReportSigningKey fromFile(Path file, boolean createIfMissing) {
        try {
            if (Files.isRegularFile(file)) {
                return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
            }
            if (!createIfMissing) {
                throw new IllegalStateException("the report-signing key " + file + " does not exist: credit.report.signing-key-file "
                        + "(CREDIT_REPORT_SIGNING_KEY_FILE) names an RSA private key in PEM (PKCS#8), e.g. from "
                        + "`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072`; ./platform up creates one in "
                        + ".platform/credit/report-signing-key.pem, in Kubernetes it is the Secret credit-report-signing-key");
            }
            ReportSigningKey created = generate();
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "report-signing-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, created.privateKeyPem(), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException other) {
                // another instance created it a moment ago: its key stays and both use it
            } finally {
                Files.deleteIfExists(temporary);
            }
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the report-signing key " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first 16 hex digits of SHA-256 over the public key's DER (SubjectPublicKeyInfo). */
    public static String keyIdOf(PublicKey key) {
        return keyIdOf(key.getEncoded());
    }

    /** The key id of a public key given as its SubjectPublicKeyInfo DER. */
    public static String keyIdOf(byte[] subjectPublicKeyInfo) {
        return HexFormat.of().formatHex(sha256(subjectPublicKeyInfo), 0, 8);
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    X509CertificateHolder certificate() {
        return certificate;
    }

    /** SHA256withRSA (PKCS#1 v1.5) over the bytes. */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is this key's over {@code data}. */
    public boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature check = Signature.getInstance(ALGORITHM);
            check.initVerify(publicKey);
            check.update(data);
            return check.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is simply not this key's
        }
    }

    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a public key (e.g. the one in a PDF signature's certificate) is this one. */
    public boolean isThis(SubjectPublicKeyInfo other) {
        try {
            return Arrays.equals(publicKey.getEncoded(), other.getEncoded());
        } catch (IOException e) {
            return false;
        }
    }

    private X509CertificateHolder selfSigned() {
        try {
            BigInteger serial = new BigInteger(1, Arrays.copyOf(sha256(publicKey.getEncoded()), 16));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(SUBJECT, serial, NOT_BEFORE, NOT_AFTER, SUBJECT, publicKey);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
            return builder.build(new JcaContentSignerBuilder(ALGORITHM).build(privateKey));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the report-signing certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
