// After fix 4f99669: excerpt of src/index.js from philnash/web-share-wrapper (license MIT)
if ('customElements' in window) {
  class WebShareWrapper extends HTMLElement {
    constructor() {
      super();

      this.webShare = 'share' in navigator;
      if (this.webShare) {
        const templateId = this.getTemplateId();
        if (templateId !== null) {
          const template = document.getElementById(templateId);
          if (!template) {
            return;
          }
          this.removeChildren();
          const clone = document.importNode(template.content, true);
          this.appendChild(clone);
        } else {
          this.text = document.createTextNode(
            this.getAttribute('text') || 'Share'
          );
          this.button = document.createElement('button');
          this.button.appendChild(this.text);
          this.removeChildren();
          this.appendChild(this.button);
        }
        this.share = this.share.bind(this);
      }
    }

    share(event) {
      event.preventDefault();
      const shareOptions = {
        title: this.getTitle(),
        text: this.getText(),
        url: this.getUrl()
      };
      navigator
        .share(shareOptions)
        .then(() => this.successfulShare(shareOptions))
        .catch(error => this.abortedShare(error, shareOptions));
    }

    connectedCallback() {
      if (this.webShare) {
        this.addEventListener('click', this.share);
      }
    }

    disconnectedCallback() {
      if (this.webShare) {
        this.removeEventListener('click', this.share);
      }
    }
    // ... (unrelated methods omitted)
  }

  customElements.define('web-share-wrapper', WebShareWrapper);
}
