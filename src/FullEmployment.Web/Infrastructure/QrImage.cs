using QRCoder;

namespace FullEmployment.Web.Infrastructure;

/// <summary>A QR code drawn on the server as a PNG data URI: no external service, nothing for the intranet to fetch.</summary>
public static class QrImage
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
