// Before fix 2d9c825: excerpt of src/App.jsx from narayan954/dummygram (license MIT)
import React, { Fragment, useEffect, useState } from "react";
import { auth, db } from "./lib/firebase";

const PAGESIZE = 10;

function App() {
  const [posts, setPosts] = useState([]);
  const [user, setUser] = useState(null);
  const [loadingPosts, setLoadingPosts] = useState(true);
  const [loadMorePosts, setLoadMorePosts] = useState(false);
  // ... (unrelated code omitted)

  useEffect(() => {
    const handleMouseScroll = (event) => {
      if (
        window.innerHeight + event.target.documentElement.scrollTop + 1 >=
        event.target.documentElement.scrollHeight
      ) {
        setLoadMorePosts(true);
      }
    };
    const scrollEventListener = window.addEventListener(
      "scroll",
      handleMouseScroll,
    );
    const unsubscribe = db
      .collection("posts")
      .orderBy("timestamp", "desc")
      .limit(PAGESIZE)
      .onSnapshot((snapshot) => {
        setLoadingPosts(false);
        setPosts(
          snapshot.docs.map((doc) => ({
            id: doc.id,
            post: doc.data(),
          })),
        );
      });

    return () => {
      window.removeEventListener("scroll", scrollEventListener);
      unsubscribe();
    };
  }, []);
  // ... (unrelated code omitted)
}

export default App;
