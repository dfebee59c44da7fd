// Before fix bbf8ffa: excerpt of src/m-dialog.js from jfbrennan/m- (license MIT)
customElements.define('m-dialog', class extends HTMLElement {
  constructor() {
    super();
  }

  connectedCallback() {
    this.returnValue = null;

    // Close on esc keyup
    document.addEventListener('keyup', e => e.key === 'Escape' ? this.close() : null);

    // One time render stuff
    const container = document.createElement('div');
    const role = this.getAttribute('role') === 'alertdialog' ? 'alertdialog' : 'dialog';
    container.setAttribute('role', role);
    container.classList.add('pos-relative', 'pad-all-lg');

    const closeBtn = document.createElement('button');
    closeBtn.setAttribute('type', 'remove');
    closeBtn.setAttribute('aria-label', 'Close dialog');
    closeBtn.classList.add('pad-all-sm', 'txt-lg', 'pos-absolute', 'pin-t', 'pin-r');
    closeBtn.addEventListener('click', () => this.close());

    const content1 = document.createElement('div'); // Yes, both are needed
    const content2 = document.createElement('div');
    content2.append(...this.childNodes); // The supplied content
    content1.append(content2);

    container.append(closeBtn, content1);
    this.append(container);
  }

  static get observedAttributes() { return ['open']; }
  // ... (unrelated code omitted)
});
