<label for= class="a" in={ for="b">
<Fade in=
