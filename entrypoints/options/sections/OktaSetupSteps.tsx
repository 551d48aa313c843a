/** The Okta-side set-up, written out for the admin. */
export default function OktaSetupSteps({ redirectUri }: { redirectUri: string }) {
  return (
    <details>
      <summary>How to set up Okta for Deskside</summary>
      <h3>OAuth 2.0 (recommended)</h3>
      <ol class="steps">
        <li>Okta Admin Console › Applications › Create App Integration › OIDC › Single-Page Application.</li>
        <li>Grant type: Authorization Code (PKCE is required for single-page apps) and Refresh Token.</li>
        <li>Sign-in redirect URI: <span class="code">{redirectUri}</span></li>
        <li>Assignments: the helpdesk agents who will use Deskside.</li>
        <li>Okta API Scopes tab: grant okta.users.manage, okta.groups.manage, okta.apps.manage, okta.logs.read and okta.schemas.read.</li>
        <li>Give the agents an admin role that allows these actions (for example Help Desk Administrator plus Group Membership Administrator).</li>
        <li>Copy the client id into the Client id field above, then Test connection.</li>
      </ol>
      <h3>API token (legacy)</h3>
      <ol class="steps">
        <li>Sign in to the Admin Console as the admin whose rights Deskside should use.</li>
        <li>Security › API › Tokens › Create token; name it “Deskside”.</li>
        <li>Paste it into API token above. Okta shows it only once; tokens unused for 30 days expire.</li>
      </ol>
    </details>
  );
}
