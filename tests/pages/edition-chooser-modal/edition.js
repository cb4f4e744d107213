// Modelled on international news sites that ask which edition to show: the chooser is
// placed inside the story, over the text, as an aria-modal box (not a fixed overlay), and
// the page stops scrolling until a choice is made.
window.addEventListener('load', () => {
  setTimeout(() => {
    const chooser = document.createElement('div');
    chooser.className = 'edition-chooser';
    chooser.setAttribute('role', 'dialog');
    chooser.setAttribute('aria-modal', 'true');
    chooser.setAttribute('aria-labelledby', 'edition-title');
    chooser.innerHTML = `
      <p><strong id="edition-title">Which edition would you like to read?</strong></p>
      <p>We show local weather, markets and the stories most read near you. You can change this at any time from the menu at the top of every page, and we will keep your choice on this device for the next twelve months.</p>
      <p><button type="button">International</button> <button type="button">United Kingdom</button> <button type="button">Australia</button></p>
      <p><label><input type="checkbox" checked> Remember my choice on this device</label></p>`;
    document.querySelector('.story-body').insertBefore(chooser, document.querySelector('.story-body h2'));
    document.documentElement.style.overflow = 'hidden';
    document.body.style.overflow = 'hidden';
  }, 50);
});
