// A sign-up wall, opened by the page after load, which also locks the page's scrolling.
window.addEventListener('load', () => {
  setTimeout(() => {
    const overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.className = 'ab q cq';
    overlay.style.cssText = 'position:fixed;inset:0;z-index:500;background:rgba(255,255,255,.96);display:flex;align-items:center;justify-content:center';
    overlay.innerHTML = '<div class="cr cs"><h2 class="bf">Create an account to read the full story.</h2><p>The author made this story available to Medium members only. If you are new to Medium, create a new account to read this story on us.</p><a href="/m/signin?operation=register">Continue in app</a> <a href="/m/signin?operation=login">Or, continue in mobile web</a><p>Already have an account? Sign in</p></div>';
    document.body.appendChild(overlay);
    document.documentElement.style.overflow = 'hidden';
    document.body.style.overflow = 'hidden';
  }, 150);
});
