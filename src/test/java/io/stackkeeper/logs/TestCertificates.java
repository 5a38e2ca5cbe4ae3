package io.stackkeeper.logs;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** A CA and a server certificate for 127.0.0.1 and localhost that it signed, written as PEM files for a TLS receiver. */
final class TestCertificates {

    final Path caFile;
    final Path certFile;
    final Path keyFile;

    private TestCertificates(Path caFile, Path certFile, Path keyFile) {
        this.caFile = caFile;
        this.certFile = certFile;
        this.keyFile = keyFile;
    }

    /** Writes {@code <name>-ca.pem}, {@code <name>-cert.pem} and {@code <name>-key.pem} into the folder. */
    static TestCertificates write(Path folder, String name) throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair ca = keyPair();
        KeyPair server = keyPair();
        X500Name caName = new X500Name("CN=" + name + " test CA");
        Instant now = Instant.now();
        X509CertificateHolder caCert = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(2))), caName, ca.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate()));
        X509CertificateHolder serverCert = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(2))), new X500Name("CN=localhost"), server.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                        new GeneralName(GeneralName.dNSName, "localhost")}))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate()));
        TestCertificates files = new TestCertificates(folder.resolve(name + "-ca.pem"), folder.resolve(name + "-cert.pem"),
                folder.resolve(name + "-key.pem"));
        Files.writeString(files.caFile, pem(new PemObject("CERTIFICATE", caCert.getEncoded())));
        Files.writeString(files.certFile, pem(new PemObject("CERTIFICATE", serverCert.getEncoded())));
        Files.writeString(files.keyFile, pem(new PemObject("PRIVATE KEY", server.getPrivate().getEncoded())));
        return files;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        // RSA: GnuTLS of Debian 12 does not read the PKCS#8 EC keys Java writes
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(PemObject object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
