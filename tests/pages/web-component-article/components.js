// The page's web component: the article page renders its body into an open shadow root.
// The publisher's server sends the slotted parts (headline, byline, the body paragraphs) as
// light DOM; the summary, the subheading and the closing paragraphs come from the component.
class NwArticlePage extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <style>
        :host { display: block; max-width: 720px; margin: 0 auto; }
        .x7-note { display: none; }
        .x7-rail { position: sticky; top: 0; }
      </style>
      <header>
        <slot name="headline"></slot>
        <p class="byline"><slot name="byline"></slot></p>
      </header>
      <div class="article-body">
        <p>Summary from the component: the sleeper service between the capital and the Alpine terminus resumed this week after more than a decade without a night train on the line.</p>
        <div class="x7-note">Your reading list syncs across devices</div>
        <slot></slot>
        <div class="x7-rail">Follow Northway News for more travel stories</div>
        <h2>Funding for a second departure</h2>
        <p>Rendered in the shadow root: the regional transport authority will decide in March whether to fund a second nightly departure, which would need new carriages that are not due before next autumn.</p>
        <p>Also rendered in the shadow root: tickets for the spring season go on sale on the first of December, and the operator says it will keep a share of cabins back for sale on the day.</p>
        <slot name="sign-off"><p>Fallback sign-off that must not show</p></slot>
        <slot name="corrections"><p>No corrections have been made to this article since it was published.</p></slot>
      </div>
    `;
  }
}
customElements.define('nw-article-page', NwArticlePage);
