package io.shop.support.identity;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;

/**
 * Every process that has the shop's PKI ({@code shop.pki.dir}) verifies passports against its CA;
 * without it, passports are refused and requests are served for nobody.
 */
@AutoConfiguration
@ConditionalOnExpression("!'${shop.pki.dir:}'.isBlank()")
public class PassportConfiguration {

    @Bean
    Passports passports(@Value("${shop.pki.dir}") Path pki) {
        Passports passports = new Passports(ServiceCredentials.authority(pki), Clock.systemUTC());
        PassportHolder.set(passports);
        return passports;
    }
}
