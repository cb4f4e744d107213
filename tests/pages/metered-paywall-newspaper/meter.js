// The site's meter: shortly after load it opens the gateway over the article, dims the page and
// locks scrolling, as metered paywalls do when the free-article count runs out.
window.addEventListener('load', () => {
  setTimeout(() => {
    const gate = document.getElementById('gateway-content');
    gate.hidden = false;
    gate.style.cssText = 'position:fixed;inset:auto 0 0 0;z-index:1000000;background:#fff;padding:32px;box-shadow:0 -8px 24px rgba(0,0,0,.3)';
    const dock = document.createElement('div');
    dock.className = 'css-expanded-dock';
    dock.setAttribute('data-testid', 'expanded-dock');
    dock.style.cssText = 'position:fixed;inset:0;z-index:999999;background:rgba(255,255,255,.7)';
    dock.innerHTML = '<div class="css-dock-inner"><p>Thank you for your patience while we verify access.</p></div>';
    document.body.appendChild(dock);
    document.documentElement.style.overflow = 'hidden';
    document.body.style.overflow = 'hidden';
    document.body.classList.add('gateway-open');
  }, 150);
});
