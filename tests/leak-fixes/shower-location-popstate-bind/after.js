// After fix 4765882: excerpt of lib/shower/shower.Location.js from shower/core (license MIT)
/**
 * @file History controller for shower.
 */
shower.modules.define('shower.Location', [
    'util.SessionStore',
    'util.bound',
    'util.extend'
], function (provide, SessionStore, bound, extend) {

    /**
     * @typedef {object} slideInfo
     * @property {Slide} slide Slide instance.
     * @property {number} index Slide index.
     */

    /**
     * @class
     * @name shower.Location
     *
     * @param {Shower} shower
     */
    function Location(shower) {
        this._shower = shower;

        var sessionStoreKey = shower.options.get('sessionstore_key') + '-shower.Location';
        this.state = new SessionStore(sessionStoreKey, {isSlideMode: false});

        this._showerListeners = null;
        this._playerListeners = null;
        this._documentTitle = document.title;

        this._popStateProcess = null;

        this._setupListeners();
        this._init();
    }

    extend(Location.prototype, /** @lends shower.Location.prototype */{

        destroy: function () {
            this._clearListeners();
        },

        // ... (unrelated code omitted)

        _setupListeners: function () {
            var shower = this._shower;

            this._playerListeners = shower.player.events.group()
                .on('activate', this._onSlideActivate, this);

            this._containerListener = shower.container.events.group()
                .on(['slidemodeenter', 'slidemodeexit'], this._onContainerSlideModeChange, this);

            window.addEventListener('popstate', bound(this, '_onPopstate'));
        },

        _clearListeners: function () {
            window.removeEventListener('popstate', bound(this, '_onPopstate'));
            this._playerListeners.offAll();
            this._containerListener.offAll();
        },

        // ... (unrelated code omitted)

        _onPopstate: function () {
            var shower = this._shower;
            var slideId = window.location.hash.substr(1);
            var slideInfo;
            var currentSlide = shower.player.getCurrentSlide();
            var currentSlideNumber = shower.player.getCurrentSlideIndex();

            // Go to first slide, if hash id is invalid or isn't set.
            // Same check is located in DOMContentLoaded event,
            // but it not fires on hash change
            if (this._isSlideMode() && currentSlideNumber === -1) {
                shower.player.go(0);
            // In List mode, go to first slide only if hash id is invalid.
            } else if (currentSlideNumber === -1 && window.location.hash !== '') {
                shower.player.go(0);
            }

            if (currentSlide && slideId !== currentSlide.getId()) {
                slideInfo = this._getSlideById(slideId);
                shower.player.go(slideInfo.index);
            }
        },
        // ... (unrelated code omitted)
    });

    provide(Location);
});
