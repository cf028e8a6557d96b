using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using FullEmployment.Application.Common;
using FullEmployment.Application.Data;
using FullEmployment.Application.Identity;
using FullEmployment.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FullEmployment.IntegrationTests.Identity;

/// <summary>
/// Issue 13 §2: the data-protection keys, which sign sign-in cookies and anti-forgery tokens, are kept in the database
/// sealed under a key outside it, so a database reader cannot forge a sign-in; keys left unsealed from before are removed.
/// </summary>
public sealed class DataProtectionKeySealingTests
{
    private static readonly FactoryOptions Demo = FactoryOptions.Demo with { DemoLedgers = false };

    [DatabaseTheory]
    public async Task The_keys_that_sign_cookies_are_stored_sealed_and_open_only_with_the_key_outside_the_database(Database database)
    {
        await using var app = new FullEmploymentFactory(database, Demo);
        using var client = app.ClientFor("lanzhou-finance");
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var keys = await KeysAsync(app);

        keys.ShouldNotBeEmpty();
        var key = app.Services.GetRequiredService<DataProtectionKeyEncryptionKey>();
        var wrongKey = new DataProtectionKeyEncryptionKey(Options.Create(new DataProtectionKeyOptions
        {
            KeyEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AesGcmSeal.KeyLength)),
        }));
        foreach (var stored in keys)
        {
            SealedXmlDecryptor.IsUnsealed(stored.Xml).ShouldBeFalse();
            stored.Xml!.ShouldNotContain("masterKey", Case.Sensitive);
            var sealedElement = XElement.Parse(stored.Xml!).Descendants(SealedXmlEncryptor.ElementName).Single();
            var opened = new SealedXmlDecryptor(Provider(key)).Decrypt(sealedElement);
            opened.Name.LocalName.ShouldBe("masterKey");
            Should.Throw<CryptographicException>(() => new SealedXmlDecryptor(Provider(wrongKey)).Decrypt(sealedElement));
        }
    }

    [DatabaseTheory]
    public async Task A_key_stored_unsealed_before_is_removed_at_start_up_the_sealed_ones_stay_and_the_removal_is_audited(Database database)
    {
        await using var app = new FullEmploymentFactory(database, Demo);
        using (var client = app.ClientFor("lanzhou-finance"))
        {
            (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var sealedKeys = (await KeysAsync(app)).Select(k => k.FriendlyName).ToList();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-unsealed", Xml = UnsealedKeyXml });
            return await db.SaveChangesAsync();
        });

        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return 0;
        });

        (await KeysAsync(app)).Select(k => k.FriendlyName).ShouldBe(sealedKeys, ignoreOrder: true);
        var removal = await app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == "security.data-protection.remove-unsealed-keys"));
        removal.After!.ShouldContain("key-unsealed");
        removal.After!.ShouldNotContain(UnsealedSecret);
    }

    private const string UnsealedSecret = "c2VjcmV0LWtleS1tYXRlcmlhbC1mb3ItdGhlLXRlc3QtMDEyMzQ1Njc4OQ==";

    // The shape ASP.NET Core writes without an encryptor: the secret in <masterKey><value>.
    private const string UnsealedKeyXml =
        """<key id="6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b" version="1"><creationDate>2026-01-01T00:00:00Z</creationDate>""" +
        """<activationDate>2026-01-01T00:00:00Z</activationDate><expirationDate>2026-04-01T00:00:00Z</expirationDate>""" +
        """<descriptor deserializerType="Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer, Microsoft.AspNetCore.DataProtection">""" +
        """<descriptor><encryption algorithm="AES_256_CBC" /><validation algorithm="HMACSHA256" />""" +
        """<masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection"><value>""" + UnsealedSecret +
        """</value></masterKey></descriptor></descriptor></key>""";

    private static Task<List<DataProtectionKey>> KeysAsync(FullEmploymentFactory app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync());

    private static ServiceProvider Provider(DataProtectionKeyEncryptionKey key) =>
        new ServiceCollection().AddSingleton(key).BuildServiceProvider();
}
