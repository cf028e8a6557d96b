using FullEmployment.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace FullEmployment.EndToEndTests.Administration;

[Collection(EndToEndCollection.Name)]
public sealed class AccountsAndAuditTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Password = WebAppFixture.DemoPassword;

    [Fact]
    public async Task Security_admin_creates_an_account_that_must_change_its_password_at_first_login()
    {
        await LoginAsync("secadmin", Password);
        await Page.GotoAsync(BaseUrl + "/Admin/Users/Create");
        await Page.FillAsync("#Form_UserName", "qilihe-officer");
        await Page.FillAsync("#Form_DisplayName", "七里河区人社局");
        await Page.SelectOptionAsync("#Form_Role", "county-officer");
        await Page.FillAsync("#Form_ScopeCode", "620103");
        await Page.FillAsync("#Form_Password", "Qlh#2025Start");
        await Page.ClickAsync("main button:text('创建')");
        (await Page.InnerTextAsync("main")).ShouldContain("qilihe-officer");

        await Page.ClickAsync("button:text('退出')");
        await LoginAsync("qilihe-officer", "Qlh#2025Start");
        Page.Url.ShouldContain("/Account/ChangePassword");
        await Page.FillAsync("#Input_CurrentPassword", "Qlh#2025Start");
        await Page.FillAsync("#Input_NewPassword", "Qlh#2025Changed");
        await Page.FillAsync("#Input_ConfirmPassword", "Qlh#2025Changed");
        await Page.ClickAsync("main button:text('保存')");

        (await Page.InnerTextAsync("[data-testid=flash-success]")).ShouldContain("密码已修改");
        (await Page.InnerTextAsync("[data-testid=current-user]")).ShouldContain("七里河区人社局");
    }

    [Fact]
    public async Task Auditor_searches_the_log_and_verifies_the_chain()
    {
        await LoginAsync("auditor", Password);
        await Page.GotoAsync(BaseUrl + "/Audit?Action=login");

        (await Page.InnerTextAsync("[data-testid=audit-table]")).ShouldContain("login");
        await Page.ClickAsync("[data-testid=verify]");

        (await Page.InnerTextAsync("[data-testid=verify-result]")).ShouldContain("审计链完整");
    }

    [Fact]
    public async Task Auditor_cannot_open_the_registry()
    {
        await LoginAsync("auditor", Password);
        var response = await Page.GotoAsync(BaseUrl + "/Communities");

        response!.Status.ShouldBe(403);
        (await Page.InnerTextAsync("main")).ShouldContain("无权访问");
    }
}
